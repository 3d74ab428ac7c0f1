import { test, after } from "node:test";
import assert from "node:assert/strict";
import { bodyLines, opensslDir, pair, pkcs1Pem, spkiPem, syntheticRsaPublicKey } from "./key-test-support";
import { fingerprintOf } from "./fingerprint";
import { parsePublicKeyPem, type PublicKeyParse } from "./public-key";

const tmp = opensslDir();
after(() => tmp.remove());

function refused(result: PublicKeyParse, code: string, ...words: string[]) {
  assert.equal(result.ok, false, `expected a refusal with ${code}`);
  if (result.ok) return;
  assert.equal(result.code, code, result.message);
  for (const word of words) assert.ok(result.message.includes(word), `"${word}" missing from: ${result.message}`);
}

test("an SPKI RSA-2048 key is accepted, normalised and fingerprinted like openssl does", () => {
  const { publicKey } = pair("rsa2048");
  const pem = spkiPem(publicKey);
  const result = parsePublicKeyPem(pem);
  assert.ok(result.ok);
  assert.equal(result.bits, 2048);
  assert.equal(result.spkiPem, pem);
  assert.equal(result.key.asymmetricKeyType, "rsa");
  tmp.write("key.pem", pem);
  const fromOpenssl = tmp.shell("openssl pkey -pubin -in key.pem -outform DER | openssl dgst -sha256 -binary | base64").trim();
  assert.match(fromOpenssl, /=$/);
  assert.equal(result.fingerprint, "SHA256:" + fromOpenssl.replace(/=+$/, ""));
  assert.equal(fingerprintOf(result.key), result.fingerprint);
});

test("a PKCS#1 RSA PUBLIC KEY gives the same SPKI PEM and fingerprint", () => {
  const { publicKey } = pair("rsa2048");
  const fromPkcs1 = parsePublicKeyPem(pkcs1Pem(publicKey));
  const fromSpki = parsePublicKeyPem(spkiPem(publicKey));
  assert.ok(fromPkcs1.ok && fromSpki.ok);
  assert.match(pkcs1Pem(publicKey), /BEGIN RSA PUBLIC KEY/);
  assert.equal(fromPkcs1.spkiPem, fromSpki.spkiPem);
  assert.equal(fromPkcs1.fingerprint, fromSpki.fingerprint);
});

test("CRLF, indentation, surrounding text and blank lines are tolerated", () => {
  const { publicKey } = pair("rsa2048");
  const pem = spkiPem(publicKey);
  const messy = "\r\n  \r\n" + pem.split("\n").map((l) => "  " + l).join("\r\n") + "\r\n\r\nPublic-Key: (2048 bit)\r\n";
  const result = parsePublicKeyPem(messy);
  assert.ok(result.ok, !result.ok ? result.message : "");
  assert.equal(result.spkiPem, pem);
});

test("4096 bits is the largest size accepted, 8192 is refused", () => {
  const big = parsePublicKeyPem(spkiPem(syntheticRsaPublicKey(4096)));
  assert.ok(big.ok);
  assert.equal(big.bits, 4096);
  refused(parsePublicKeyPem(spkiPem(syntheticRsaPublicKey(8192))), "key_size", "8192 bits", "2048 to 4096", "openssl genrsa");
});

test("RSA-1024 and exponent 3 are refused with what was found and what is needed", () => {
  refused(parsePublicKeyPem(spkiPem(pair("rsa1024").publicKey)), "key_size", "1024 bits", "2048 to 4096");
  refused(parsePublicKeyPem(spkiPem(pair("rsa2048e3").publicKey)), "exponent", "exponent 3", "65537", "openssl genrsa");
});

test("EC, Ed25519 and DSA keys are refused, naming the key type", () => {
  refused(parsePublicKeyPem(spkiPem(pair("ec").publicKey)), "not_rsa", "an EC (prime256v1) key; token-sign needs an RSA key of 2048 to 4096 bits");
  refused(parsePublicKeyPem(spkiPem(pair("ed25519").publicKey)), "not_rsa", "Ed25519", "RSA");
  refused(parsePublicKeyPem(spkiPem(pair("dsa").publicKey)), "not_rsa", "DSA", "RSA");
});

test("an X.509 certificate is refused with the command that extracts its key", () => {
  tmp.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=x", "-keyout", "k", "-out", "c");
  const cert = tmp.shell("cat c");
  refused(parsePublicKeyPem(cert), "certificate", "a certificate, not a public key", "openssl x509 -in cert.pem -pubkey -noout > key.pub.pem");
});

test("empty, garbage, SSH keys, several blocks and cut-off blocks are refused", () => {
  const pem = spkiPem(pair("rsa2048").publicKey);
  refused(parsePublicKeyPem(""), "empty");
  refused(parsePublicKeyPem(" \n\t "), "empty");
  refused(parsePublicKeyPem("hello world"), "no_pem", "-----BEGIN PUBLIC KEY-----", "openssl rsa");
  refused(parsePublicKeyPem(bodyLines(pem).join("\n")), "no_pem", "without its BEGIN and END lines");
  refused(parsePublicKeyPem("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC user@host"), "ssh_public_key", "ssh-keygen -e -m PKCS8");
  refused(parsePublicKeyPem(pem + pem), "several_blocks", "2 PEM blocks", "PUBLIC KEY");
  refused(parsePublicKeyPem(pem.slice(0, 200)), "truncated", "-----END PUBLIC KEY-----", "cut off");
  refused(parsePublicKeyPem("-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"), "not_public_key", "EC PARAMETERS");
});

test("a damaged key is refused in our words, not OpenSSL's", () => {
  const lines = spkiPem(pair("rsa2048").publicKey).split("\n");
  lines[2] = lines[2].slice(0, 20) + lines[2].slice(24); // four characters lost mid-body
  const result = parsePublicKeyPem(lines.join("\n"));
  refused(result, "unreadable", "could not be read", "openssl rsa -in user.key -pubout");
  assert.ok(!result.ok && !/error:|asn1|routines|ERR_/i.test(result.message), !result.ok ? result.message : "");
  const swapped = spkiPem(pair("rsa2048").publicKey).replace("MIIBIjAN", "MIIBIjAM");
  refused(parsePublicKeyPem(swapped), "unreadable");
});

test("a repeated parse returns the same result; refusals are not cached", () => {
  const pem = spkiPem(pair("rsa2048").publicKey);
  const first = parsePublicKeyPem(pem);
  assert.equal(parsePublicKeyPem(pem), first);
  const crlf = parsePublicKeyPem(pem.replace(/\n/g, "\r\n"));
  assert.ok(crlf.ok && first.ok);
  assert.equal(crlf.fingerprint, first.fingerprint);
  assert.equal(crlf.spkiPem, first.spkiPem);
  assert.ok(Object.isFrozen(first));
  refused(parsePublicKeyPem("nope"), "no_pem");
});
