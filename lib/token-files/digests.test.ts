import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { newToken, TOKEN_RANDOM_BYTES } from "./digests";

test("a token is 32 bytes, SHA-256 of its 32-byte pre-image, and never repeats", () => {
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const { preimage, digest } = newToken();
    assert.equal(digest.length, 32);
    assert.equal(preimage.length, TOKEN_RANDOM_BYTES);
    assert.deepEqual(digest, createHash("sha256").update(preimage).digest());
    seen.add(digest.toString("hex"));
  }
  assert.equal(seen.size, 2000);
  assert.ok(TOKEN_RANDOM_BYTES * 8 >= 128);
});

test("the pre-image bytes look uniformly random (no constant or zeroed bytes)", () => {
  const counts = new Array<number>(256).fill(0);
  for (let i = 0; i < 512; i++) for (const byte of newToken().preimage) counts[byte]++;
  // 16384 bytes over 256 values: about 64 each; a stuck or zeroed byte position would skew this a lot.
  assert.ok(Math.max(...counts) < 128 && Math.min(...counts) > 20, `byte counts from ${Math.min(...counts)} to ${Math.max(...counts)}`);
});
