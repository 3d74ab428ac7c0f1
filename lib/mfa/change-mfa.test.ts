import { databaseText } from "../testing/db";
import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import { advanceClockForTests } from "../clock";
import { db } from "../db/client";
import { bodyLines, pair, pkcs1Pem, spkiPem } from "../keys/key-test-support";
import { makeCluster, makeUser, PASSWORD, signedIn, snapshot } from "../testing/fixtures";
import { opensslSigner, signToken, signWithAnotherKey } from "../token-files/signing-test-support";
import type { TokenFile } from "../token-files";
import { changeMfa, requestMfaTokenFile } from "./change-mfa";
import { findActiveSession } from "../auth/sessions";
import { refused } from "../testing/assertions";

const alice = pair("rsa2048");

function signAll(file: TokenFile, key = alice.privateKey): TokenFile {
  return { version: "2.0", tokens: file.tokens.map((t) => ({ unsigned: t.unsigned, signed: signToken(key, Buffer.from(t.unsigned, "base64")) })) };
}

async function setup(hsms = 2) {
  const cluster = await makeCluster(hsms);
  const user = await makeUser(cluster.clusterId);
  const { token_file } = await requestMfaTokenFile(user.ctx, { username: user.username, role: "crypto-user", token: true });
  const register = (file: unknown, key = spkiPem(alice.publicKey), extra: Record<string, unknown> = {}) =>
    changeMfa(user.ctx, { username: user.username, role: "crypto-user", current_password: PASSWORD, change_password: "new password 1", signed_token_file: file, public_key_pem: key, ...extra });
  return { ...cluster, user, tokenFile: token_file, register };
}

test("the token file has one 32-byte token per HSM, in the CLI's format", async () => {
  const { tokenFile } = await setup(3);
  assert.equal(tokenFile.version, "2.0");
  assert.equal(tokenFile.tokens.length, 3);
  for (const t of tokenFile.tokens) {
    assert.equal(Buffer.from(t.unsigned, "base64").length, 32);
    assert.equal(t.signed, "");
  }
  assert.equal(new Set(tokenFile.tokens.map((t) => t.unsigned)).size, 3);
});

test("each token is SHA-256 of a pre-image returned beside the file: WebCrypto's signature of the pre-image registers the key", async () => {
  const cluster = await makeCluster(2);
  const user = await makeUser(cluster.clusterId);
  const issued = await requestMfaTokenFile(user.ctx, { username: user.username, role: "crypto-user", token: true });
  assert.equal(issued.token_preimages.length, 2);
  assert.ok(!JSON.stringify(issued.token_file).includes(issued.token_preimages[0]), "the pre-images are not in the file");
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey("pkcs8", alice.privateKey.export({ type: "pkcs8", format: "der" }), { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["sign"]);
  const tokens = await Promise.all(
    issued.token_file.tokens.map(async (t, i) => {
      const preimage = Buffer.from(issued.token_preimages[i], "base64");
      assert.equal(Buffer.from(await subtle.digest("SHA-256", preimage)).toString("base64"), t.unsigned);
      return { unsigned: t.unsigned, signed: Buffer.from(await subtle.sign("RSASSA-PKCS1-v1_5", key, preimage)).toString("base64") };
    }),
  );
  const done = await changeMfa(user.ctx, { username: user.username, role: "crypto-user", current_password: PASSWORD, change_password: "new password 1", signed_token_file: { version: "2.0", tokens }, public_key_pem: spkiPem(alice.publicKey) });
  assert.equal(done.bits, 2048);
});

test("a file signed with openssl pkeyutl registers the key, in any token order; sessions end and the audit shows fingerprints", async () => {
  const { user, tokenFile, register, clusterId } = await setup();
  const second = await signedIn(clusterId, user.username, "browser");
  const signer = opensslSigner(alice.privateKey);
  const signed = { version: "2.0", tokens: tokenFile.tokens.map((t) => ({ unsigned: t.unsigned, signed: signer.pkeyutl(Buffer.from(t.unsigned, "base64")) })).reverse() };
  signer.remove();
  const done = await register(JSON.stringify(signed), pkcs1Pem(alice.publicKey));
  assert.match(done.fingerprint!, /^SHA256:[A-Za-z0-9+/]{43}$/);
  assert.equal(done.bits, 2048);
  const row = await db.user.findUniqueOrThrow({ where: { id: user.ctx.actor.userId } });
  assert.equal(row.mfaFingerprint, done.fingerprint);
  assert.match(row.mfaPublicKey!, /^-----BEGIN PUBLIC KEY-----/);
  assert.equal(row.quorumFingerprint, null);
  assert.equal(await findActiveSession({ id: second.actor.sessionId, kind: "browser" }), null, "other sessions end");
  assert.ok(await db.session.findFirst({ where: { id: user.ctx.actor.sessionId, revokedAt: null } }), "the acting session stays");
  const event = await db.auditEvent.findFirstOrThrow({ where: { operation: "user change-mfa token-sign", target: user.username, outcome: "success" } });
  assert.deepEqual(JSON.parse(event.before!), { mfa_fingerprint: null });
  assert.equal(JSON.parse(event.after!).mfa_fingerprint, done.fingerprint);
  await refused(register(signed), 409, /used already/);
});

test("each signing mistake is named per token, and nothing changes", async () => {
  const { tokenFile, register, user } = await setup();
  const otherFile = (await requestMfaTokenFile(user.ctx, { username: user.username, role: "crypto-user", token: true })).token_file;
  const signer = opensslSigner(alice.privateKey);
  const t0 = Buffer.from(tokenFile.tokens[0].unsigned, "base64");
  const good1 = signToken(alice.privateKey, Buffer.from(tokenFile.tokens[1].unsigned, "base64"));
  const withFirst = (signed: string) => ({ version: "2.0", tokens: [{ unsigned: tokenFile.tokens[0].unsigned, signed }, { unsigned: tokenFile.tokens[1].unsigned, signed: good1 }] });
  const cases: [string, RegExp][] = [
    ["", /Token 1: This token has no signature/],
    ["not base64 at all!", /Token 1: The signature is not valid base64/],
    [Buffer.alloc(128, 1).toString("base64"), /Token 1: The signature is 128 bytes; a 2048-bit key makes 256-byte signatures/],
    [signWithAnotherKey(alice.publicKey, t0), /Token 1: .*not made with the private key that matches/i],
    [signer.dgst(t0), /Token 1: .*dgst.*pkeyutl/s],
    [signer.dgst(t0, "-sha256", "token1.b64"), /Token 1: .*base64 text|decode/i],
    [signer.pss(t0), /Token 1: .*PSS/],
  ];
  const before = await snapshot();
  for (const [signed, message] of cases) {
    await refused(register(withFirst(signed)), 422, message);
  }
  signer.remove();
  await refused(register({ version: "2.0", tokens: [tokenFile.tokens[0]].map((t) => ({ ...t, signed: good1 })) }), 422, /1 of the 2 tokens|missing/i);
  const both = signAll(tokenFile);
  await refused(register({ version: "2.0", tokens: [...both.tokens, both.tokens[0]] }), 422, /repeats token 1/);
  await refused(register("{ not json"), 400, /cannot be read/);
  const stray = signAll(otherFile).tokens[0];
  await refused(register({ version: "2.0", tokens: [...both.tokens, stray] }), 422, /Token 3 .*does not belong to this sign-in\/registration/);
  assert.equal(await snapshot(), before);
  await register(both); // the challenge stayed open: fixing the signatures works
});

test("bad keys are refused with what was found, and a private key is never stored or logged", async () => {
  const { tokenFile, register, user } = await setup();
  const signed = signAll(tokenFile);
  const { execFileSync } = await import("node:child_process");
  const cert = execFileSync("sh", ["-c", "d=$(mktemp -d) && openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=x -keyout $d/k -out $d/c 2>/dev/null && cat $d/c && rm -r $d"], { encoding: "utf8" });
  const privatePem = alice.privateKey.export({ type: "pkcs8", format: "pem" }) as string;
  const logged: string[] = [];
  const originals = { log: console.log, error: console.error, warn: console.warn };
  for (const k of ["log", "error", "warn"] as const) console[k] = (...args: unknown[]) => logged.push(args.map(String).join(" "));
  const before = await snapshot();
  try {
    await refused(register(signed, spkiPem(pair("rsa1024").publicKey)), 422, /1024 bits/);
    await refused(register(signed, spkiPem(pair("ec").publicKey)), 422, /EC/);
    await refused(register(signed, cert), 422, /certificate/);
    await refused(register(signed, "hello, this is not a key"), 422, /.+/);
    await refused(register(signed, privatePem), 422, /private key.*exposed/s);
    await refused(register(signed, pkcs1Pem(alice.publicKey), { note: privatePem }), 422, /private key/);
  } finally {
    Object.assign(console, originals);
  }
  assert.equal(await snapshot(), before);
  const dbBytes = databaseText();
  for (const line of bodyLines(privatePem)) {
    assert.ok(!dbBytes.includes(line), "a line of the private key reached the database");
    assert.ok(!logged.join("\n").includes(line), "a line of the private key reached the log");
  }
  const events = await db.auditEvent.findMany({ where: { target: user.username } });
  for (const line of bodyLines(privatePem)) assert.ok(!JSON.stringify(events).includes(line));
  const refusals = events.filter((e) => e.error?.includes("private key submitted"));
  assert.equal(refusals.length, 2, "each private-key refusal is an event naming whose registration it was");
});

test("tokens of another user's challenge, an expired file and a file from another session are refused", async () => {
  const a = await setup();
  const b = await makeUser(a.clusterId);
  const { token_file: bFile } = await requestMfaTokenFile(b.ctx, { username: b.username, role: "crypto-user", token: true });
  const otherSession = await signedIn(a.clusterId, a.user.username);
  const before = await snapshot();
  await refused(a.register(signAll(bFile)), 422, /issued for another user/);
  await refused(
    changeMfa(otherSession, { username: a.user.username, role: "crypto-user", current_password: PASSWORD, change_password: "new password 1", signed_token_file: signAll(a.tokenFile), public_key_pem: spkiPem(alice.publicKey) }),
    422,
    /another session/,
  );
  advanceClockForTests(601_000);
  await refused(a.register(signAll(a.tokenFile)), 422, /expired/);
  assert.equal(await snapshot(), before);
});

test("twenty parallel submissions of one signed file: exactly one succeeds", async () => {
  const { tokenFile, register, user } = await setup();
  const signed = signAll(tokenFile);
  const results = await Promise.allSettled(Array.from({ length: 20 }, () => register(signed)));
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  // The others: the file was used, or the password they carried was changed by the winner, or (more than five
  // at once) their current password was not even checked. None of them counts as a guess.
  for (const r of results) if (r.status === "rejected") assert.match((r.reason as Error).message, /used already|changed by another request|not checked/);
  const row = await db.user.findUniqueOrThrow({ where: { id: user.ctx.actor.userId } });
  assert.deepEqual([row.locked, row.failedLogins, row.mfaFingerprint !== null], [false, 0, true]);
});

test("a key registered to another user is refused; a crypto user cannot change another user's MFA", async () => {
  const a = await setup();
  await a.register(signAll(a.tokenFile));
  const b = await makeUser(a.clusterId);
  const { token_file } = await requestMfaTokenFile(b.ctx, { username: b.username, role: "crypto-user", token: true });
  const before = await snapshot();
  await refused(
    changeMfa(b.ctx, { username: b.username, role: "crypto-user", current_password: PASSWORD, change_password: "new password 1", signed_token_file: signAll(token_file), public_key_pem: spkiPem(alice.publicKey) }),
    409,
    /already registered to another user/,
  );
  await refused(requestMfaTokenFile(b.ctx, { username: a.user.username, role: "crypto-user", token: true }), 403, /own account only/);
  await refused(changeMfa(b.ctx, { username: a.user.username, role: "crypto-user", change_password: "whatever1", deregister: true }), 403, /own account only/);
  assert.equal(await snapshot(), before);
});

test("an admin registers, then deregisters, MFA and the quorum key for a crypto user", async () => {
  const { ctx, clusterId } = await makeCluster();
  const cu = await makeUser(clusterId);
  const { token_file } = await requestMfaTokenFile(ctx, { username: cu.username, role: "crypto-user", token: true });
  const done = await changeMfa(ctx, {
    username: cu.username, role: "crypto-user", change_password: "given by admin", signed_token_file: signAll(token_file), public_key_pem: spkiPem(alice.publicKey), change_quorum: true,
  });
  let row = await db.user.findUniqueOrThrow({ where: { id: cu.ctx.actor.userId } });
  assert.equal(row.quorumFingerprint, done.fingerprint);
  assert.equal(await findActiveSession({ id: cu.ctx.actor.sessionId, kind: "browser" }), null);
  await changeMfa(ctx, { username: cu.username, role: "crypto-user", change_password: "given by admin", deregister: true, change_quorum: true });
  row = await db.user.findUniqueOrThrow({ where: { id: cu.ctx.actor.userId } });
  assert.equal(row.mfaFingerprint, null);
  assert.equal(row.quorumFingerprint, null);
});
