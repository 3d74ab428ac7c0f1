import { test, after } from "node:test";
import assert from "node:assert/strict";
import { bodyLines, opensslDir, pair, pkcs1Pem, spkiPem } from "./key-test-support";
import { looksLikePrivateKey } from "./private-key";
import { parsePublicKeyPem } from "./public-key";

const tmp = opensslDir();
after(() => tmp.remove());

let texts: Record<string, string> | undefined;

/** One private key of each PEM kind, made once (ssh-keygen makes the OpenSSH one). */
function privateKeyTexts(): Record<string, string> {
  if (texts) return texts;
  const rsa = pair("rsa2048").privateKey;
  const ec = pair("ec").privateKey;
  tmp.shell("ssh-keygen -q -t ed25519 -N '' -f id_ed25519");
  return (texts = {
    pkcs8: rsa.export({ type: "pkcs8", format: "pem" }) as string,
    pkcs1: rsa.export({ type: "pkcs1", format: "pem" }) as string,
    sec1: ec.export({ type: "sec1", format: "pem" }) as string,
    encrypted: rsa.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "pw" }) as string,
    openssh: tmp.shell("cat id_ed25519"),
  });
}

test("every kind of PEM private key is recognised and refused without echoing it", () => {
  for (const [kind, pem] of Object.entries(privateKeyTexts())) {
    assert.ok(looksLikePrivateKey(pem), kind);
    const result = parsePublicKeyPem(pem);
    assert.equal(result.ok, false, kind);
    if (result.ok) continue;
    assert.equal(result.code, "private_key", kind);
    for (const words of ["private key", "not stored", "exposed", "new key pair", "openssl rsa -in user.key -pubout -out user.pub.pem", "openssl pkey -in user.key -pubout"]) {
      assert.ok(result.message.includes(words), `${kind}: "${words}" missing`);
    }
    const body = bodyLines(pem).join("");
    for (const line of bodyLines(pem)) assert.ok(!result.message.includes(line), `${kind}: message echoes a key line`);
    for (let i = 0; i + 12 <= body.length; i += 6) {
      assert.ok(!result.message.includes(body.slice(i, i + 12)), `${kind}: message echoes part of the key`);
    }
  }
});

test("a private key pasted next to a public key is still refused as a private key", () => {
  const text = spkiPem(pair("rsa2048").publicKey) + "\n" + privateKeyTexts().pkcs8;
  const result = parsePublicKeyPem(text);
  assert.equal(result.ok ? "ok" : result.code, "private_key");
});

test("private keys without their BEGIN/END lines, PuTTY and JWK private keys are recognised", () => {
  const texts = privateKeyTexts();
  for (const kind of ["pkcs8", "pkcs1", "sec1", "encrypted", "openssh"]) {
    const bare = bodyLines(texts[kind]).join("\n");
    assert.ok(looksLikePrivateKey(bare), `bare ${kind}`);
    assert.ok(looksLikePrivateKey(`{"note": "${bodyLines(texts[kind]).join("")}"}`), `${kind} inside JSON`);
  }
  assert.ok(looksLikePrivateKey("PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\n"));
  assert.ok(looksLikePrivateKey(JSON.stringify(pair("rsa2048").privateKey.export({ format: "jwk" }))));
  assert.ok(looksLikePrivateKey("begin rsa private key-----\nMIIE..."), "header with lost dashes");
});

test("public keys, certificates and ordinary text are not mistaken for private keys", () => {
  tmp.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=x", "-keyout", "k", "-out", "c");
  const cert = tmp.shell("cat c");
  const { publicKey } = pair("rsa2048");
  const samples = [
    spkiPem(publicKey),
    pkcs1Pem(publicKey),
    bodyLines(spkiPem(publicKey)).join("\n"),
    spkiPem(pair("ec").publicKey),
    cert,
    bodyLines(cert).join("\n"),
    JSON.stringify(publicKey.export({ format: "jwk" })),
    JSON.stringify({ version: "2.0", tokens: [{ unsigned: Buffer.alloc(32, 7).toString("base64"), signed: Buffer.alloc(256, 9).toString("base64") }] }),
    "Please reset my MFA key, thanks",
    "",
  ];
  for (const text of samples) assert.equal(looksLikePrivateKey(text), false, text.slice(0, 40));
});
