import assert from "node:assert/strict";
import os from "node:os";
import { test } from "node:test";
import { inSignInTurn } from "./sign-in-turns";

const others = ((globalThis as Record<symbol, { count: number }>)[Symbol.for("hsm-console.requests-other-than-sign-in")] ??= { count: 0 });

/** Starts n sign-ins that each hold their turn until released; reports how many ran at once at most. */
async function overlap(n: number) {
  let now = 0;
  let most = 0;
  const releases: (() => void)[] = [];
  const all = Array.from({ length: n }, () =>
    inSignInTurn(async () => {
      most = Math.max(most, ++now);
      await new Promise<void>((r) => releases.push(r));
      now--;
    }),
  );
  for (let done = 0; done < n; done++) {
    await new Promise((r) => setTimeout(r, 20));
    releases.shift()?.();
  }
  await Promise.all(all);
  return most;
}

test("sign-ins run one at a time while other requests are in flight, and all of them get their turn", async () => {
  others.count = 1;
  try {
    assert.equal(await overlap(6), 1);
  } finally {
    others.count = 0;
  }
});

test("with no one else waiting, sign-ins run as wide as twice the cores", async () => {
  const wide = os.availableParallelism() * 2;
  assert.equal(await overlap(wide + 3), wide);
});

test("a sign-in that fails gives its turn back", async () => {
  others.count = 1;
  try {
    await assert.rejects(inSignInTurn(async () => Promise.reject(new Error("wrong password"))));
    assert.equal(await inSignInTurn(async () => "next"), "next");
  } finally {
    others.count = 0;
  }
});
