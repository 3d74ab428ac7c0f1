import { test, after } from "node:test";
import assert from "node:assert/strict";
import { opensslDir, pair, spkiPem } from "./key-test-support";
import { FINGERPRINT_COMMAND, FINGERPRINT_NOTE, fingerprintOf, normaliseFingerprint } from "./fingerprint";

const tmp = opensslDir();
after(() => tmp.remove());

test("fingerprintOf matches FINGERPRINT_COMMAND run by a shell, minus the padding", () => {
  for (const name of ["rsa2048", "rsa2048b"]) {
    const { publicKey, privateKey } = pair(name);
    tmp.write("key.pem", spkiPem(publicKey));
    tmp.write("user.key", privateKey.export({ type: "pkcs8", format: "pem" }));
    const printed = tmp.shell(FINGERPRINT_COMMAND).trim();
    assert.match(printed, /^[A-Za-z0-9+/]{43}=$/, "the command prints one '=' of padding");
    assert.equal(fingerprintOf(publicKey), `SHA256:${printed.slice(0, -1)}`);
    const fromPrivate = tmp.shell("openssl pkey -in user.key -pubout -outform DER | openssl dgst -sha256 -binary | base64").trim();
    assert.equal(fromPrivate, printed);
  }
  assert.notEqual(fingerprintOf(pair("rsa2048").publicKey), fingerprintOf(pair("rsa2048b").publicKey));
  assert.match(FINGERPRINT_NOTE, /=/);
});

test("fingerprintOf refuses a private key instead of exporting it", () => {
  assert.throws(() => fingerprintOf(pair("rsa2048").privateKey), TypeError);
});

test("normaliseFingerprint accepts the command output and the displayed form", () => {
  const shown = fingerprintOf(pair("rsa2048").publicKey);
  const bare = shown.slice("SHA256:".length);
  assert.equal(normaliseFingerprint(`${bare}=\n`), shown);
  assert.equal(normaliseFingerprint(` ${shown} `), shown);
  assert.equal(normaliseFingerprint("sha256:" + bare), shown);
  assert.equal(normaliseFingerprint("SHA256:tooShort"), null);
  assert.equal(normaliseFingerprint(""), null);
});
