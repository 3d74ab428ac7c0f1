import "server-only";
import os from "node:os";

// Sign-in attempts wait for a quiet moment (issue 9, decision 0091). A sign-in costs tens of milliseconds of
// the one JavaScript thread and a core for argon2id; fifty at once, a flood of wrong passwords, would take
// every turn from the signed-in people reading pages. So sign-ins start freely (as many as there are cores,
// twice over) only when no other request is in flight and none ended in the last moment. While the console
// is busy they trickle: one at a time, at most one every TRICKLE_MS, so a busy console still signs people in
// and a flood cannot take more than a small share of it. The other requests are counted by the HTTP server
// (scripts/http-ops.mjs); without it (tests, scripts) the console always looks quiet.

const OTHERS = Symbol.for("hsm-console.requests-other-than-sign-in");
type Others = { count: number; lastEnded: number };
const others = () => (globalThis as { [OTHERS]?: Others })[OTHERS] ?? { count: 0, lastEnded: 0 };

const WIDE = Math.max(1, os.availableParallelism()) * 2;
const SETTLE_MS = 20;
export const TRICKLE_MS = 250;

let running = 0;
let lastStart = 0;
const waiting: (() => void)[] = [];
let timer: NodeJS.Timeout | undefined;

function room(at: number): boolean {
  const o = others();
  if (o.count === 0 && at - o.lastEnded >= SETTLE_MS) return running < WIDE;
  return running === 0 && at - lastStart >= TRICKLE_MS;
}

function start(at: number) {
  running++;
  lastStart = at;
}

function admitWhatFits() {
  timer = undefined;
  const at = Date.now();
  while (waiting.length > 0 && room(at)) {
    start(at);
    waiting.shift()!();
  }
  if (waiting.length > 0) timer ??= setTimeout(admitWhatFits, 5);
}

export async function inSignInTurn<T>(work: () => Promise<T>): Promise<T> {
  if (waiting.length === 0 && room(Date.now())) start(Date.now());
  else await new Promise<void>((admit) => (waiting.push(admit), admitWhatFits()));
  try {
    return await work();
  } finally {
    running--;
    admitWhatFits();
  }
}
