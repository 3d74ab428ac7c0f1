import { test } from "node:test";
import assert from "node:assert/strict";
import { newTokenDigest, TOKEN_RANDOM_BYTES } from "./digests";

test("a token digest is 32 bytes and never repeats, even for the same context", () => {
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const digest = newTokenDigest(i % 2 ? "challenge-1/hsm-1" : "");
    assert.equal(digest.length, 32);
    seen.add(digest.toString("hex"));
  }
  assert.equal(seen.size, 2000);
  assert.ok(TOKEN_RANDOM_BYTES * 8 >= 128);
});

test("the digest bytes look uniformly random (no constant or zeroed bytes)", () => {
  const counts = new Array<number>(256).fill(0);
  for (let i = 0; i < 512; i++) for (const byte of newTokenDigest("same")) counts[byte]++;
  // 16384 bytes over 256 values: about 64 each; a stuck or zeroed byte position would skew this a lot.
  assert.ok(Math.max(...counts) < 128 && Math.min(...counts) > 20, `byte counts from ${Math.min(...counts)} to ${Math.max(...counts)}`);
});
