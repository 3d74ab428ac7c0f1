import "../testing/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { loginWithMfa } from "../auth/login-mfa";
import { loginWithPassword } from "../auth/login";
import { db } from "../db/client";
import { pair, spkiPem } from "../keys/key-test-support";
import { changeMfa, requestMfaTokenFile } from "../mfa/change-mfa";
import { overrideSettingsForTests } from "../settings";
import { anonymous, makeCluster, makeUser, PASSWORD as CURRENT_PASSWORD } from "../testing/fixtures";
import type { TokenFile } from "../token-files";
import { signToken, signWithAnotherKey } from "../token-files/signing-test-support";
import { metrics } from "./metrics";

overrideSettingsForTests({ LOGIN_RATE_PER_ADDRESS: 10_000, LOGIN_RATE_PER_USERNAME: 10_000 });
const key = pair("rsa2048");
const PASSWORD = "metrics user password";

async function value(name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = await metrics().register.getSingleMetric(name)!.get();
  return metric.values.filter((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l)).reduce((n, v) => n + v.value, 0);
}

test("MFA sign-ins are counted by factor and outcome, failures by their signature failure code, and lockouts", async () => {
  const { clusterId } = await makeCluster();
  const u = await makeUser(clusterId);
  const sign = (file: TokenFile, wrong = false) => ({
    version: "2.0",
    tokens: file.tokens.map((t) => ({ unsigned: t.unsigned, signed: wrong ? signWithAnotherKey(key.publicKey, Buffer.from(t.unsigned, "base64")) : signToken(key.privateKey, Buffer.from(t.unsigned, "base64")) })),
  });
  const before = {
    registered: await value("hsm_console_mfa_verifications_total", { purpose: "registration", result: "ok" }),
    wrongKey: await value("hsm_console_mfa_verifications_total", { purpose: "sign-in", result: "wrong_key" }),
    ok: await value("hsm_console_mfa_verifications_total", { purpose: "sign-in", result: "ok" }),
    mfaRequired: await value("hsm_console_sign_ins_total", { factor: "password", outcome: "mfa_required" }),
    tokenSignFailed: await value("hsm_console_sign_ins_total", { factor: "token-sign", outcome: "failure" }),
    tokenSignOk: await value("hsm_console_sign_ins_total", { factor: "token-sign", outcome: "success" }),
    lockouts: await value("hsm_console_lockouts_total"),
  };
  const { token_file } = await requestMfaTokenFile(u.ctx, { username: u.username, role: "crypto-user", token: true });
  await changeMfa(u.ctx, { username: u.username, role: "crypto-user", current_password: CURRENT_PASSWORD, change_password: PASSWORD, signed_token_file: sign(token_file), public_key_pem: spkiPem(key.publicKey) });
  assert.equal(await value("hsm_console_mfa_verifications_total", { purpose: "registration", result: "ok" }), before.registered + 1);

  const password = () => loginWithPassword(anonymous, { cluster_id: clusterId, username: u.username, password: PASSWORD }, "api");
  const mfa = (file: unknown) => loginWithMfa(anonymous, { cluster_id: clusterId, username: u.username, signed_token_file: file }, "api");
  const first = await password();
  assert.ok(first.mfaRequired);
  await assert.rejects(mfa(sign(first.tokenFile, true)));
  assert.equal(await value("hsm_console_mfa_verifications_total", { purpose: "sign-in", result: "wrong_key" }), before.wrongKey + 1);
  assert.equal(await value("hsm_console_sign_ins_total", { factor: "token-sign", outcome: "failure" }), before.tokenSignFailed + 1);
  await mfa(sign(first.tokenFile));
  assert.equal(await value("hsm_console_mfa_verifications_total", { purpose: "sign-in", result: "ok" }), before.ok + 1);
  assert.equal(await value("hsm_console_sign_ins_total", { factor: "token-sign", outcome: "success" }), before.tokenSignOk + 1);
  assert.equal(await value("hsm_console_sign_ins_total", { factor: "password", outcome: "mfa_required" }), before.mfaRequired + 1);

  for (let i = 0; i < 5; i++) await assert.rejects(loginWithPassword(anonymous, { cluster_id: clusterId, username: u.username, password: "not the password" }, "api"));
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: u.ctx.actor.userId } })).locked, true);
  assert.equal(await value("hsm_console_lockouts_total"), before.lockouts + 1);
});
