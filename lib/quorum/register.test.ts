import "../testing/db";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { advanceClockForTests } from "../clock";
import { db } from "../db/client";
import { makeCluster, makeUser, PASSWORD, signedIn } from "../testing/fixtures";
import { opensslSigner } from "../token-files/signing-test-support";
import { completeQuorumRegistration, registerQuorumKey } from "./register";
import { giveQuorumKey, pair, sign, snapshotAll, spkiPem } from "./test-support";
import { refused } from "../testing/assertions";

type RegFile = { version: string; tokens: { approval_data: string; unsigned: string; signed: string }[] };

const signed = (file: RegFile, signature: string): RegFile => ({ ...file, tokens: file.tokens.map((t) => ({ ...t, signed: signature })) });

test("an admin registers their own quorum key: a registration token signed with openssl pkeyutl", async () => {
  const { clusterId, admin, ctx } = await makeCluster();
  const { token_file } = (await registerQuorumKey(ctx, {})) as { token_file: RegFile };
  assert.equal(token_file.version, "2.0");
  assert.equal(token_file.tokens.length, 1);
  const [token] = token_file.tokens;
  const data = Buffer.from(token.approval_data, "base64");
  assert.equal(createHash("sha256").update(data).digest("base64"), token.unsigned);
  assert.deepEqual(Object.keys(JSON.parse(data.toString())), ["cluster", "expires_at", "nonce", "purpose", "username"]);
  assert.equal(token.signed, "");

  const signer = opensslSigner(pair("rsa2048").privateKey);
  try {
    const signature = signer.pkeyutl(Buffer.from(token.unsigned, "base64"));
    const result = await completeQuorumRegistration(ctx, { current_password: PASSWORD, public_key_pem: spkiPem(pair("rsa2048").publicKey), signed_token_file: JSON.stringify(signed(token_file, signature)) });
    assert.equal(result.username, admin);
    assert.match(String(result.quorum_fingerprint), /^SHA256:[A-Za-z0-9+/]{43}$/);
    const row = await db.user.findUniqueOrThrow({ where: { clusterId_username: { clusterId, username: admin } } });
    assert.equal(row.quorumFingerprint, result.quorum_fingerprint);
    assert.equal(row.quorumKeyBits, 2048);
    await refused(registerQuorumKey(ctx, { current_password: PASSWORD, public_key_pem: spkiPem(pair("rsa2048").publicKey), signed_token_file: signed(token_file, signature) }), 422, /already used/);
  } finally {
    signer.remove();
  }
});

test("registration refuses a private key, a wrong key, another session's file, an expired file and crypto users, changing nothing", async () => {
  const { clusterId, ctx, admin } = await makeCluster();
  const { token_file } = (await registerQuorumKey(ctx, {})) as { token_file: RegFile };
  const good = sign("rsa2048", token_file.tokens[0].unsigned);
  const pem = spkiPem(pair("rsa2048").publicKey);
  const privatePem = pair("rsa2048").privateKey.export({ type: "pkcs8", format: "pem" }) as string;
  const other = await signedIn(clusterId, admin);
  const cu = await makeUser(clusterId);
  const before = await snapshotAll();
  await refused(registerQuorumKey(ctx, { current_password: PASSWORD, public_key_pem: privatePem, signed_token_file: signed(token_file, good) }), 422, /private key/i);
  await refused(registerQuorumKey(ctx, { current_password: PASSWORD, public_key_pem: spkiPem(pair("rsa2048b").publicKey), signed_token_file: signed(token_file, good) }), 422, /Token 1: This signature was not made with the private key that matches the public key you uploaded/);
  await refused(registerQuorumKey(ctx, { current_password: PASSWORD, public_key_pem: pem, signed_token_file: "{ not json" }), 400, /not valid JSON/);
  await refused(registerQuorumKey(other, { current_password: PASSWORD, public_key_pem: pem, signed_token_file: signed(token_file, good) }), 422, /not a registration token file issued to you in this session/);
  await refused(registerQuorumKey(cu.ctx, {}), 403, /Only an admin can run user change-quorum token-sign register/);
  await refused(registerQuorumKey(ctx, { current_password: PASSWORD, public_key_pem: pem }), 400, /Upload the signed registration token file/);
  assert.equal(await snapshotAll(), before);
  const events = await db.auditEvent.findMany({ where: { clusterId, operation: "user change-quorum token-sign register" } });
  assert.ok(events.every((e) => !e.error?.includes("PRIVATE KEY") && !(e.error ?? "").includes(privatePem.split("\n")[1])));

  advanceClockForTests(601_000);
  await refused(registerQuorumKey(ctx, { current_password: PASSWORD, public_key_pem: pem, signed_token_file: signed(token_file, good) }), 409, /expired/);
  assert.equal(await snapshotAll(), before);
});

test("a key another user of the cluster registered is refused: one person, one vote", async () => {
  const { clusterId, ctx } = await makeCluster();
  const other = await makeUser(clusterId, "admin");
  await giveQuorumKey(clusterId, other.username, "rsa2048c");
  const { token_file } = (await registerQuorumKey(ctx, {})) as { token_file: RegFile };
  const before = await snapshotAll();
  const file = signed(token_file, sign("rsa2048c", token_file.tokens[0].unsigned));
  await refused(completeQuorumRegistration(ctx, { current_password: PASSWORD, public_key_pem: spkiPem(pair("rsa2048c").publicKey), signed_token_file: file }), 409, /is already registered to another user of this cluster/);
  assert.equal(await snapshotAll(), before);
});

test("cloudhsm-cli's first-time flow: quorum token-sign generate --service registration, then register with that file", async () => {
  const { clusterId, admin, ctx } = await makeCluster();
  const { generateRegistrationToken, asksForRegistration } = await import("./generate");
  assert.ok(asksForRegistration({ service: "registration" }));
  assert.ok(!asksForRegistration({ service: "user" }));
  await refused(generateRegistrationToken(ctx, { service: "registration", operation: { command: "user delete" } }), 400, /Unknown field: operation/);
  const cu = await makeUser(clusterId);
  await refused(generateRegistrationToken(cu.ctx, { service: "registration" }), 403, /Only an admin can run user change-quorum token-sign register/);
  const { token_file } = (await generateRegistrationToken(ctx, { service: "registration" })) as { token_file: RegFile };
  assert.deepEqual(Object.keys(token_file.tokens[0]), ["approval_data", "unsigned", "signed"]);
  const signer = opensslSigner(pair("rsa2048c").privateKey);
  try {
    const signature = signer.pkeyutl(Buffer.from(token_file.tokens[0].unsigned, "base64"));
    const result = await completeQuorumRegistration(ctx, { current_password: PASSWORD, public_key_pem: spkiPem(pair("rsa2048c").publicKey), signed_token_file: signed(token_file, signature) });
    assert.equal(result.username, admin);
    const row = await db.user.findUniqueOrThrow({ where: { clusterId_username: { clusterId, username: admin } } });
    assert.equal(row.quorumFingerprint, result.quorum_fingerprint);
  } finally {
    signer.remove();
  }
});
