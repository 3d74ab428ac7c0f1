import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { signWithKeyFile, type SigningItem } from "./sign";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "browser-signing-"));
const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
const read = (name: string) => fs.readFileSync(path.join(dir, name), "utf8");
test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "user.key");
openssl("rsa", "-in", "user.key", "-pubout", "-out", "user.pub.pem");
openssl("rsa", "-in", "user.key", "-traditional", "-out", "user.pkcs1.key");

function items(n: number): SigningItem[] {
  return Array.from({ length: n }, () => {
    const preimage = randomBytes(32);
    return { preimage: preimage.toString("base64"), token: createHash("sha256").update(preimage).digest("base64") };
  });
}

/** What the documented command makes over the token: openssl pkeyutl -sign -pkeyopt digest:sha256. */
function pkeyutl(token: string): string {
  fs.writeFileSync(path.join(dir, "token.bin"), Buffer.from(token, "base64"));
  openssl("pkeyutl", "-sign", "-inkey", "user.key", "-pkeyopt", "digest:sha256", "-in", "token.bin", "-out", "token.sig");
  return fs.readFileSync(path.join(dir, "token.sig")).toString("base64");
}

test("a PKCS#8 key signs each pre-image to exactly the openssl pkeyutl signature over its token", async () => {
  const tokens = items(3);
  const signed = await signWithKeyFile(read("user.key"), "", tokens);
  assert.deepEqual(signed.signatures, tokens.map((t) => pkeyutl(t.token)));
  assert.equal(signed.publicKeyPem, read("user.pub.pem"));
  assert.equal(signed.bits, 2048);
});

test("a PKCS#1 (BEGIN RSA PRIVATE KEY) file signs the same and gives the same public key", async () => {
  assert.match(read("user.pkcs1.key"), /BEGIN RSA PRIVATE KEY/);
  const tokens = items(1);
  const signed = await signWithKeyFile(read("user.pkcs1.key"), "", tokens);
  assert.deepEqual(signed.signatures, [pkeyutl(tokens[0].token)]);
  assert.equal(signed.publicKeyPem, read("user.pub.pem"));
});

test("encrypted PKCS#8 keys open with their passphrase (AES-256 + HMAC-SHA-256, AES-128 + HMAC-SHA-1)", async () => {
  openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "user.key", "-passout", "pass:correct horse", "-out", "enc256.key");
  openssl("pkcs8", "-topk8", "-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA1", "-in", "user.key", "-passout", "pass:correct horse", "-out", "enc128.key");
  const tokens = items(1);
  for (const name of ["enc256.key", "enc128.key"]) {
    assert.match(read(name), /BEGIN ENCRYPTED PRIVATE KEY/);
    const signed = await signWithKeyFile(read(name), "correct horse", tokens);
    assert.deepEqual(signed.signatures, [pkeyutl(tokens[0].token)], name);
    await assert.rejects(signWithKeyFile(read(name), "wrong horse", tokens), /The passphrase is wrong/);
    await assert.rejects(signWithKeyFile(read(name), "", tokens), /This key is encrypted: enter its passphrase/);
  }
});

test("the key is imported non-extractable, for signing only", async () => {
  const calls: unknown[][] = [];
  const subtle = globalThis.crypto.subtle;
  const spy = new Proxy(subtle, {
    get: (target, prop) => (prop === "importKey" ? (...args: unknown[]) => (calls.push(args), (subtle.importKey as (...a: unknown[]) => unknown).apply(subtle, args)) : (Reflect.get(target, prop) as (...a: unknown[]) => unknown).bind(subtle)),
  });
  await signWithKeyFile(read("user.key"), "", items(1), spy);
  assert.equal(calls.length, 1);
  assert.equal(calls[0][0], "pkcs8");
  assert.equal(calls[0][3], false);
  assert.deepEqual(calls[0][4], ["sign"]);
});

test("what is not a usable private key is refused in plain words", async () => {
  openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.key");
  openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out", "small.key");
  openssl("rsa", "-in", "user.key", "-traditional", "-aes256", "-passout", "pass:x", "-out", "legacy.key");
  const one = items(1);
  const cases: [string, RegExp][] = [
    [read("user.pub.pem"), /This is a public key/],
    [read("ec.key"), /This is an EC key/],
    [read("small.key"), /RSA-1024 key/],
    [read("legacy.key"), /old format.*openssl pkcs8 -topk8/],
    ["hello", /not a PEM private key/],
    ["-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", /damaged/],
  ];
  for (const [text, message] of cases) await assert.rejects(signWithKeyFile(text, "", one), message);
  await assert.rejects(signWithKeyFile(read("user.key"), "", [{ preimage: one[0].preimage, token: items(1)[0].token }]), /Token 1 does not match/);
});
