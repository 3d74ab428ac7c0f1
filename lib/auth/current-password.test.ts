import "../testing/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "../db/client";
import { pair, spkiPem } from "../keys/key-test-support";
import { changeMfa, requestMfaTokenFile } from "../mfa/change-mfa";
import { registerQuorumKey } from "../quorum/register";
import { refused } from "../testing/assertions";
import { makeCluster, makeUser, PASSWORD, snapshot } from "../testing/fixtures";
import { signToken } from "../token-files/signing-test-support";
import type { TokenFile } from "../token-files";
import { changePassword } from "../users/change-password";
import { findActiveSession } from "./sessions";

// Issue 8, item 5: someone holding a stolen session (cookie or bearer token), but not the password.

const sign = (file: TokenFile, key: ReturnType<typeof pair>) => ({ version: "2.0", tokens: file.tokens.map((t) => ({ unsigned: t.unsigned, signed: signToken(key.privateKey, Buffer.from(t.unsigned, "base64")) })) });

test("a stolen session cannot change the password, or register or remove the MFA key, without the current password", async () => {
  const { clusterId } = await makeCluster();
  const victim = await makeUser(clusterId);
  const me = { username: victim.username, role: "crypto-user" };
  const attackerKey = pair("rsa2048-attacker");
  const { token_file } = await requestMfaTokenFile(victim.ctx, { ...me, token: true });
  const before = await snapshot();
  await refused(changePassword(victim.ctx, { ...me, password: "attacker's choice" }), 400, /Enter your current password/);
  await refused(changeMfa(victim.ctx, { ...me, change_password: "attacker's choice", deregister: true }), 400, /Enter your current password/);
  const register = { ...me, change_password: "attacker's choice", signed_token_file: sign(token_file, attackerKey), public_key_pem: spkiPem(attackerKey.publicKey) };
  await refused(changeMfa(victim.ctx, register), 400, /Enter your current password/);
  assert.deepEqual(await snapshot(), before, "nothing changed");
  await refused(changeMfa(victim.ctx, { ...register, current_password: "a guess" }), 403, /current password is wrong/);
  const row = await db.user.findUniqueOrThrow({ where: { id: victim.ctx.actor.userId } });
  assert.deepEqual([row.mfaFingerprint, row.failedLogins], [null, 1], "only the guess was counted, toward the lockout");
  await changePassword(victim.ctx, { ...me, current_password: PASSWORD, password: "the owner's new one" });
});

test("five wrong current passwords lock the account and end the stolen session", async () => {
  const { clusterId } = await makeCluster();
  const victim = await makeUser(clusterId);
  for (let i = 0; i < 5; i++) {
    await refused(changePassword(victim.ctx, { username: victim.username, role: "crypto-user", current_password: `guess ${i}`, password: "attacker's choice" }), 403, /current password is wrong/);
  }
  const row = await db.user.findUniqueOrThrow({ where: { id: victim.ctx.actor.userId } });
  assert.equal(row.locked, true);
  assert.equal(await findActiveSession({ id: victim.ctx.actor.sessionId, kind: "browser" }), null);
});

test("an admin's stolen session cannot register its own quorum key without the password; acting on others needs none", async () => {
  const { ctx, admin, clusterId } = await makeCluster();
  const key = pair("rsa2048-quorum-attacker");
  const { token_file } = (await registerQuorumKey(ctx, {})) as { token_file: { version: string; tokens: { approval_data: string; unsigned: string; signed: string }[] } };
  const signedFile = { ...token_file, tokens: token_file.tokens.map((t) => ({ ...t, signed: signToken(key.privateKey, Buffer.from(t.unsigned, "base64")) })) };
  await refused(registerQuorumKey(ctx, { public_key_pem: spkiPem(key.publicKey), signed_token_file: signedFile }), 400, /Enter your current password/);
  const row = await db.user.findUniqueOrThrow({ where: { clusterId_username: { clusterId, username: admin } } });
  assert.equal(row.quorumFingerprint, null);
  const cu = await makeUser(clusterId);
  await changePassword(ctx, { username: cu.username, role: "crypto-user", password: "set by the admin" });
});
