import assert from "node:assert/strict";
import test from "node:test";
import { readKeyFile } from "../browser-signing/key-file";
import { adversarialTexts, ordinaryText } from "../testing/adversarial-texts";
import { parseJsonText } from "../token-files/json-text";
import { scanPem } from "./pem-blocks";
import { looksLikePrivateKey } from "./private-key";
import { parsePublicKeyPem } from "./public-key";

// Issue 8, item 2: one anonymous field of 240 KB blocked the server for 6 s (960 KB: 105 s), because
// looksLikePrivateKey was quadratic. Each check must now take about as long on a hostile MiB as on an
// ordinary one; the bound below is a wide margin (ratios are in `npm run bench`), the old code missed it
// by minutes.

const SIZE = 1024 * 1024;
const checks: Record<string, (text: string) => unknown> = {
  looksLikePrivateKey,
  scanPem,
  parsePublicKeyPem,
  parseJsonText,
  // In the page, on the user's own key file: bounded to 64 KiB there, linear all the same.
  readKeyFile: (text) => {
    try {
      return readKeyFile(text);
    } catch {
      return null;
    }
  },
};

function ms(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

for (const [name, check] of Object.entries(checks)) {
  test(`${name} stays linear on hostile text`, () => {
    const ordinary = ordinaryText(SIZE);
    const baseline = Math.max(ms(() => check(ordinary)), 5);
    for (const [kind, text] of Object.entries(adversarialTexts(SIZE))) {
      const took = ms(() => check(text));
      assert.ok(took < Math.max(1500, baseline * 50), `${name} on "${kind}" (1 MiB) took ${took.toFixed(0)} ms`);
    }
  });
}

test("the linear private-key check still finds keys between the hostile patterns", () => {
  assert.equal(looksLikePrivateKey(adversarialTexts(4096)["BEGIN without PRIVATE KEY"] + "BEGIN RSA PRIVATE KEY"), true);
  assert.equal(looksLikePrivateKey(adversarialTexts(4096)['JWK "kty" without "d"'] + '"d": "AQAB"'), true);
  for (const text of Object.values(adversarialTexts(4096))) assert.equal(looksLikePrivateKey(text), false);
});
