import "../testing/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { advanceClockForTests } from "../clock";
import { db } from "../db/client";
import { OpError } from "../errors";
import { pair, spkiPem } from "../keys/key-test-support";
import { changeMfa, requestMfaTokenFile } from "../mfa/change-mfa";
import { overrideSettingsForTests } from "../settings";
import { anonymous, makeCluster, makeUser, PASSWORD as FIXTURE_PASSWORD } from "../testing/fixtures";
import { signToken, signWithAnotherKey } from "../token-files/signing-test-support";
import type { TokenFile } from "../token-files";
import { loginWithPassword } from "./login";
import { loginWithMfa } from "./login-mfa";
import { findActiveSession } from "./sessions";

overrideSettingsForTests({ LOGIN_RATE_PER_ADDRESS: 10_000, LOGIN_RATE_PER_USERNAME: 10_000 });
const key = pair("rsa2048");
const PASSWORD = "mfa user password";
const sign = (file: TokenFile, k = key.privateKey) => ({ version: "2.0", tokens: file.tokens.map((t) => ({ unsigned: t.unsigned, signed: signToken(k, Buffer.from(t.unsigned, "base64")) })) });

async function mfaUser(hsms = 3) {
  const { clusterId } = await makeCluster(hsms);
  const u = await makeUser(clusterId);
  const { token_file } = await requestMfaTokenFile(u.ctx, { username: u.username, role: "crypto-user", token: true });
  await changeMfa(u.ctx, { username: u.username, role: "crypto-user", current_password: FIXTURE_PASSWORD, change_password: PASSWORD, signed_token_file: sign(token_file), public_key_pem: spkiPem(key.publicKey) });
  const password = () => loginWithPassword(anonymous, { cluster_id: clusterId, username: u.username, password: PASSWORD }, "api");
  const mfa = (file: unknown) => loginWithMfa(anonymous, { cluster_id: clusterId, username: u.username, signed_token_file: file }, "api");
  const row = () => db.user.findUniqueOrThrow({ where: { id: u.ctx.actor.userId } });
  return { clusterId, ...u, password, mfa, row, registrationFile: token_file };
}

async function challenge(password: () => ReturnType<typeof loginWithPassword>) {
  const r = await password();
  assert.ok(r.mfaRequired, "a user with MFA gets a login token file");
  return r.tokenFile;
}

const refusedWith = (message: RegExp) => (e: unknown) => e instanceof OpError && message.test(e.message);

test("with MFA, a correct password yields a login token file (one token per HSM); the signed file opens the session", async () => {
  const u = await mfaUser(3);
  const file = await challenge(u.password);
  assert.equal(file.tokens.length, 3);
  const signedIn = await u.mfa(JSON.stringify(sign(file)));
  assert.ok(await findActiveSession({ token: signedIn.session.token, kind: "api" }));
  assert.equal((await u.row()).failedLogins, 0);
  await assert.rejects(u.mfa(sign(file)), refusedWith(/used already/), "a login token file works once");
});

test("MFA failures are explained per token and count toward the lockout of five", async () => {
  const u = await mfaUser(2);
  const file = await challenge(u.password);
  const wrongKey = { version: "2.0", tokens: file.tokens.map((t) => ({ unsigned: t.unsigned, signed: signWithAnotherKey(key.publicKey, Buffer.from(t.unsigned, "base64")) })) };
  await assert.rejects(u.mfa(wrongKey), refusedWith(/Token 1: .*private key that matches/));
  assert.equal((await u.row()).failedLogins, 1);
  await assert.rejects(u.mfa(sign(u.registrationFile)), refusedWith(/MFA registration, not for a sign-in/));
  await assert.rejects(u.mfa({ version: "2.0", tokens: [] }), refusedWith(/cannot be read|token/i));
  for (let i = 0; i < 2; i++) await assert.rejects(u.mfa(wrongKey));
  assert.equal((await u.row()).locked, true, "five failures in a row, of either factor, lock the account");
  await assert.rejects(u.mfa(sign(file)), refusedWith(/Sign-in failed/), "locked: even a good signature is refused");
  await assert.rejects(u.password(), refusedWith(/Sign-in failed/));
});

test("a login token file of another user, or an expired one, is refused", async () => {
  const a = await mfaUser(2);
  const other = await makeUser(a.clusterId);
  const otherKey = pair("rsa3072");
  const { token_file: reg } = await requestMfaTokenFile(other.ctx, { username: other.username, role: "crypto-user", token: true });
  await changeMfa(other.ctx, { username: other.username, role: "crypto-user", current_password: FIXTURE_PASSWORD, change_password: PASSWORD, signed_token_file: sign(reg, otherKey.privateKey), public_key_pem: spkiPem(otherKey.publicKey) });
  const theirs = await loginWithPassword(anonymous, { cluster_id: a.clusterId, username: other.username, password: PASSWORD }, "api");
  assert.ok(theirs.mfaRequired);
  await assert.rejects(a.mfa(sign(theirs.tokenFile)), refusedWith(/issued for another user/));

  const mine = await challenge(a.password);
  advanceClockForTests(601_000);
  await assert.rejects(a.mfa(sign(mine)), refusedWith(/expired/));
});

test("the MFA step takes --role too: a wrong role is a failed sign-in, the right one completes it", async () => {
  const u = await mfaUser(2);
  const file = await challenge(u.password);
  const signed = sign(file);
  await assert.rejects(loginWithMfa(anonymous, { cluster_id: u.clusterId, username: u.username, role: "admin", signed_token_file: signed }, "api"), refusedWith(/Sign-in failed/));
  assert.equal((await u.row()).failedLogins, 1);
  const done = await loginWithMfa(anonymous, { cluster_id: u.clusterId, username: u.username, role: "crypto-user", signed_token_file: signed }, "api");
  assert.equal(done.role, "crypto-user");
  assert.equal((await u.row()).failedLogins, 0);
});
