import assert from "node:assert/strict";
import os from "node:os";
import { test } from "node:test";
import { inSignInTurn, TRICKLE_MS } from "./sign-in-turns";

const others = ((globalThis as Record<symbol, { count: number; lastEnded: number }>)[Symbol.for("hsm-console.requests-other-than-sign-in")] ??= { count: 0, lastEnded: 0 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sign-ins that each hold their turn until released, with what ran at once. */
function held(n: number) {
  const state = { started: 0, now: 0, most: 0 };
  const releases: (() => void)[] = [];
  const all = Array.from({ length: n }, () =>
    inSignInTurn(async () => {
      state.started++;
      state.most = Math.max(state.most, ++state.now);
      await new Promise<void>((r) => releases.push(r));
      state.now--;
    }),
  );
  return { state, releaseOne: () => releases.shift()?.(), all: Promise.all(all) };
}

test("while other requests are in flight, sign-ins trickle: one at a time, a moment apart, and all get their turn", async () => {
  others.count = 1;
  try {
    const h = held(3);
    await sleep(20);
    assert.equal(h.state.started, 1, "one starts while a page is being served, no more");
    h.releaseOne();
    await sleep(TRICKLE_MS / 3);
    assert.equal(h.state.started, 1, "the next waits its moment though none is running");
    while (h.state.started < 3 || h.state.now > 0) (h.releaseOne(), await sleep(TRICKLE_MS / 5));
    await h.all;
    assert.equal(h.state.most, 1);
  } finally {
    others.count = 0;
  }
});

test("sign-ins start at once when the console is quiet, as wide as twice the cores", async () => {
  const wide = os.availableParallelism() * 2;
  const h = held(wide + 3);
  await sleep(20);
  assert.equal(h.state.started, wide);
  while (h.state.started < wide + 3 || h.state.now > 0) (h.releaseOne(), await sleep(10));
  await h.all;
  assert.equal(h.state.most, wide);
});

test("a sign-in that fails gives its turn back", async () => {
  await assert.rejects(inSignInTurn(async () => Promise.reject(new Error("wrong password"))));
  assert.equal(await inSignInTurn(async () => "next"), "next");
});
