import "server-only";
import os from "node:os";

// Sign-in attempts wait their turn behind everyone else (issue 9, decision 0091). A sign-in costs tens of
// milliseconds of the one JavaScript thread and a core for argon2id; fifty at once, a flood of wrong
// passwords, would take every turn from the signed-in people reading pages. So while other requests are in
// flight, one sign-in runs at a time; when none are, as many as there are cores, twice over.
// The count of other requests comes from the HTTP server (scripts/http-ops.mjs); without it (tests, scripts)
// sign-ins only share the core limit.

const OTHERS = Symbol.for("hsm-console.requests-other-than-sign-in");
const othersInFlight = () => (globalThis as { [OTHERS]?: { count: number } })[OTHERS]?.count ?? 0;
const WIDE = Math.max(1, os.availableParallelism()) * 2;

let running = 0;
const waiting: (() => void)[] = [];

const room = () => running < (othersInFlight() > 0 ? 1 : WIDE);

function next() {
  while (waiting.length > 0 && room()) {
    running++;
    waiting.shift()!();
  }
  // Others may finish while sign-ins wait and none runs: look again shortly rather than stall.
  if (waiting.length > 0 && running === 0) setTimeout(next, 5);
}

export async function inSignInTurn<T>(work: () => Promise<T>): Promise<T> {
  if (room() && waiting.length === 0) running++;
  else await new Promise<void>((admit) => (waiting.push(admit), next()));
  try {
    return await work();
  } finally {
    running--;
    next();
  }
}
