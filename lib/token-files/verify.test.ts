import { test, after } from "node:test";
import assert from "node:assert/strict";
import { constants, publicDecrypt, sign } from "node:crypto";
import { fingerprintOf } from "../keys/fingerprint";
import { newToken, opensslSigner, pair, signToken } from "./signing-test-support";
import { verifyTokenSignature, type TokenResult } from "./verify";

const user = pair("rsa2048");
const other = pair("rsa2048b");
const signer = opensslSigner(user.privateKey);
after(() => signer.remove());

function failed(result: TokenResult, code: string, ...words: string[]) {
  assert.equal(result.ok, false, `expected ${code}`);
  if (result.ok) return;
  assert.equal(result.code, code, result.message);
  const text = `${result.message} ${result.fix ?? ""}`;
  for (const word of words) assert.ok(text.includes(word), `"${word}" missing from: ${text}`);
}

test("a signature made by openssl pkeyutl -pkeyopt digest:sha256 verifies", () => {
  const token = newToken();
  const signed = signer.pkeyutl(token);
  assert.deepEqual(verifyTokenSignature(user.publicKey, token, signed), { ok: true });
  assert.equal(signToken(user.privateKey, token), signed, "the in-process test signer matches openssl byte for byte");
  assert.deepEqual(verifyTokenSignature(user.publicKey, token, signer.wrapped()), { ok: true }, "wrapped base64 is fine");
  assert.deepEqual(verifyTokenSignature(user.publicKey, token, `\r\n  ${signed}\r\n`), { ok: true });
});

test("a 3072-bit key works too", () => {
  const big = pair("rsa3072");
  const token = newToken();
  assert.deepEqual(verifyTokenSignature(big.publicKey, token, signToken(big.privateKey, token)), { ok: true });
});

test("the same signature against another key is wrong_key, naming the registered fingerprint", () => {
  // A signature from another key opens to random bytes; about 1 in 512 of those ends like a PSS
  // block (0xbc), which is reported as "pss" instead. Pick a token whose signature does not.
  let token = newToken();
  let signed = signer.pkeyutl(token);
  const looksLikePss = (sig: string) => {
    try {
      return publicDecrypt({ key: other.publicKey, padding: constants.RSA_NO_PADDING }, Buffer.from(sig, "base64")).at(-1) === 0xbc;
    } catch {
      return false; // above the other key's modulus: it cannot be opened at all, which reads as another key's
    }
  };
  while (looksLikePss(signed)) {
    token = newToken();
    signed = signer.pkeyutl(token);
  }
  failed(verifyTokenSignature(other.publicKey, token, signed), "wrong_key", "not made with the private key", fingerprintOf(other.publicKey), "openssl pkey -in user.key -pubout");
});

test("a 1024-bit signature against a 2048-bit key is wrong_length", () => {
  const small = pair("rsa1024");
  const token = newToken();
  failed(verifyTokenSignature(user.publicKey, token, signToken(small.privateKey, token)), "wrong_length", "128 bytes", "2048-bit key makes 256-byte signatures", "1024-bit");
});

test("openssl dgst -sha256 -sign hashes the token again: dgst_mistake", () => {
  const token = newToken();
  failed(verifyTokenSignature(user.publicKey, token, signer.dgst(token)), "dgst_mistake", "openssl dgst -sha256 -sign", "openssl pkeyutl -sign -inkey user.key -pkeyopt digest:sha256 -keyform PEM -in token1.bin -out token1.sig.bin");
  failed(verifyTokenSignature(user.publicKey, token, sign("sha256", token, user.privateKey).toString("base64")), "dgst_mistake");
});

test("signing the base64 text instead of the decoded bytes: base64_text", () => {
  const token = newToken();
  failed(verifyTokenSignature(user.publicKey, token, signer.dgst(token, "-sha256", "token1.b64")), "base64_text", "base64 -d token1.b64 > token1.bin", "pkeyutl");
  failed(verifyTokenSignature(user.publicKey, token, signer.dgst(token, "-sha256", "token1-n.b64")), "base64_text");
  failed(verifyTokenSignature(user.publicKey, token, signer.pkeyutlRaw(token, "token1.b64")), "base64_text", "base64 -d");
});

test("PSS padding is recognised: pss", () => {
  const token = newToken();
  failed(verifyTokenSignature(user.publicKey, token, signer.pss(token)), "pss", "PKCS#1 v1.5", "rsa_padding_mode:pss", "pkeyutl");
});

test("other hashes and a missing digest marker are named", () => {
  const token = newToken();
  failed(verifyTokenSignature(user.publicKey, token, signer.dgst(token, "-sha512")), "other_digest", "SHA-512", "openssl dgst -sha512 -sign", "-pkeyopt digest:sha256");
  failed(verifyTokenSignature(user.publicKey, token, signer.dgst(token, "-sha1")), "other_digest", "SHA-1", "digest:sha256");
  failed(verifyTokenSignature(user.publicKey, token, signer.pkeyutlRaw(token)), "no_digest_info", "without `-pkeyopt digest:sha256`");
});

test("the signature of another token: mismatch", () => {
  const token = newToken();
  const result = verifyTokenSignature(user.publicKey, token, signer.pkeyutl(newToken()));
  failed(result, "mismatch", "signed separately", "pkeyutl");
  assert.equal(!result.ok && result.signedDigest?.length, 32);
});

test("empty, non-base64, hex and copied values are explained", () => {
  const token = newToken();
  failed(verifyTokenSignature(user.publicKey, token, ""), "empty", "no signature", token.toString("base64"), "pkeyutl", "base64 -w0");
  failed(verifyTokenSignature(user.publicKey, token, "  \n"), "empty");
  const signed = signer.pkeyutl(token);
  failed(verifyTokenSignature(user.publicKey, token, signed.replace(/=+$/, "")), "not_base64", "padding");
  failed(verifyTokenSignature(user.publicKey, token, Buffer.from(signed, "base64").toString("base64url")), "not_base64", "URL-safe");
  failed(verifyTokenSignature(user.publicKey, token, signed.slice(0, 100) + "$" + signed.slice(101)), "not_base64", "alphabet");
  failed(verifyTokenSignature(user.publicKey, token, signer.hex()), "wrong_length", "hex", "base64 -w0");
  failed(verifyTokenSignature(user.publicKey, token, token.toString("base64")), "wrong_length", "token itself");
  failed(verifyTokenSignature(user.publicKey, token, signed.slice(0, 200)), "wrong_length", "150 bytes");
});

test("only RSA public keys and 32-byte tokens are taken", () => {
  assert.throws(() => verifyTokenSignature(pair("ec").publicKey, newToken(), "AAAA"), TypeError);
  assert.throws(() => verifyTokenSignature(user.publicKey, Buffer.alloc(20), "AAAA"), RangeError);
});
