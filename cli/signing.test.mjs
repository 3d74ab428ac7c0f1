// The client's signatures are openssl's, byte for byte: `openssl pkeyutl -sign -pkeyopt digest:sha256`.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { ClientError } from "./errors.mjs";
import { loadPrivateKey, publicPemOf, signApprovalFile, signDigest, signTokenFile } from "./signing.mjs";

const dir = mkdtempSync(join(tmpdir(), "hsm-console-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const openssl = (...args) => execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
openssl("genrsa", "-out", "user.key", "2048");
openssl("rsa", "-in", "user.key", "-pubout", "-out", "user.pub.pem");
const noPrompt = async () => assert.fail("no pass phrase should be asked for");

function opensslSign(key, digest, passArgs = []) {
  writeFileSync(join(dir, "t.bin"), digest);
  openssl("pkeyutl", "-sign", "-inkey", key, ...passArgs, "-pkeyopt", "digest:sha256", "-keyform", "PEM", "-in", "t.bin", "-out", "t.sig");
  return readFileSync(join(dir, "t.sig")).toString("base64");
}

test("a token signed here is the very signature openssl pkeyutl makes, and openssl verifies it", async () => {
  const key = await loadPrivateKey(join(dir, "user.key"), noPrompt);
  for (let i = 0; i < 3; i++) {
    const digest = randomBytes(32);
    const mine = signDigest(key, digest);
    assert.equal(mine, opensslSign("user.key", digest));
    writeFileSync(join(dir, "mine.sig"), Buffer.from(mine, "base64"));
    assert.match(openssl("pkeyutl", "-verify", "-pubin", "-inkey", "user.pub.pem", "-pkeyopt", "digest:sha256", "-in", "t.bin", "-sigfile", "mine.sig").toString(), /Verified Successfully/);
  }
  assert.equal(publicPemOf(key), readFileSync(join(dir, "user.pub.pem"), "utf8"));
});

test("an encrypted key (openssl genrsa -aes256, as the AWS guide makes it) asks for its pass phrase", async () => {
  openssl("genrsa", "-aes256", "-passout", "pass:guide pass phrase", "-out", "admin.key", "2048");
  const asked = [];
  const key = await loadPrivateKey(join(dir, "admin.key"), async (q) => (asked.push(q), "guide pass phrase"));
  assert.deepEqual(asked, [`Enter pass phrase for ${join(dir, "admin.key")}:`]);
  const digest = randomBytes(32);
  assert.equal(signDigest(key, digest), opensslSign("admin.key", digest, ["-passin", "pass:guide pass phrase"]));
  await assert.rejects(loadPrivateKey(join(dir, "admin.key"), async () => "wrong"), { message: /pass phrase .* is wrong/ });
});

test("a public key, an EC key, a missing file and a token of the wrong size are refused in plain words", async () => {
  openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec.key");
  const refused = (p, message) => assert.rejects(p, (e) => e instanceof ClientError && message.test(e.message));
  await refused(loadPrivateKey(join(dir, "user.pub.pem"), noPrompt), /holds a public key or a certificate; --sign-with needs the private key/);
  await refused(loadPrivateKey(join(dir, "ec.key"), noPrompt), /is an EC key; token-sign needs an RSA key/);
  await refused(loadPrivateKey(join(dir, "absent.key"), noPrompt), /Cannot read the private key .*: no such file/);
  const key = await loadPrivateKey(join(dir, "user.key"), noPrompt);
  assert.throws(() => signDigest(key, randomBytes(31)), /A token is 32 bytes once base64-decoded; this one is 31/);
});

test("token files and approval files are filled in as cloudhsm-cli's formats say", async () => {
  const key = await loadPrivateKey(join(dir, "user.key"), noPrompt);
  const digests = [randomBytes(32), randomBytes(32)];
  const file = { version: "2.0", tokens: digests.map((d) => ({ unsigned: d.toString("base64"), signed: "" })) };
  const signed = signTokenFile(file, key);
  assert.deepEqual(signed.tokens.map((t) => t.signed), digests.map((d) => opensslSign("user.key", d)));
  assert.equal(file.tokens[0].signed, "", "the input is not changed");
  const data = Buffer.from('{"service":"user"}');
  const approval = { version: "2.0", approval_data: data.toString("base64"), token: createHash("sha256").update(data).digest("base64"), signatures: [{ username: "admin2", signature: "old" }] };
  const once = signApprovalFile(approval, key, "admin2");
  const twice = signApprovalFile(signApprovalFile(once, key, "admin3"), key, "admin2");
  assert.deepEqual(twice.signatures.map((s) => s.username), ["admin3", "admin2"], "an approver's signature is replaced, never doubled");
  assert.equal(once.signatures[0].signature, opensslSign("user.key", createHash("sha256").update(data).digest()));
  assert.throws(() => signTokenFile({ version: "2.0" }, key), /no "tokens" list/);
});
