import "../testing/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { loginWithPassword, SIGN_IN_FAILED } from "../auth/login";
import { db } from "../db/client";
import { OpError } from "../errors";
import { overrideSettingsForTests } from "../settings";
import { anonymous, makeCluster, makeUser, snapshot } from "../testing/fixtures";
import { runNpmScript } from "../testing/npm-script";
import { LOCKOUT_THRESHOLD } from "../settings";

overrideSettingsForTests({ LOGIN_RATE_PER_ADDRESS: 10_000, LOGIN_RATE_PER_USERNAME: 10_000 });

const NEW_PASSWORD = "a fresh long password";

/** What an anonymous attacker does: wrong passwords until the account locks. */
async function lockOut(clusterId: string, username: string) {
  for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
    await assert.rejects(loginWithPassword(anonymous, { cluster_id: clusterId, username, password: "not the password" }, "api"), (e) => e instanceof OpError && e.message === SIGN_IN_FAILED);
  }
  const user = await db.user.findUniqueOrThrow({ where: { clusterId_username: { clusterId, username } } });
  assert.equal(user.locked, true);
}

test("npm run unlock gives a locked-out admin back their account: new password, sessions ended, audit event", async () => {
  const { clusterId, admin, ctx } = await makeCluster();
  await lockOut(clusterId, admin);

  const run = await runNpmScript("unlock", ["--cluster-id", clusterId, "--username", admin.toUpperCase()], { env: { UNLOCK_NEW_PASSWORD: NEW_PASSWORD } });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.deepEqual(run.envelope, { error_code: 0, data: { cluster_id: clusterId, username: admin, role: "admin", sessions_ended: 1 } });
  assert.ok(!run.stdout.includes(NEW_PASSWORD) && !run.stderr.includes(NEW_PASSWORD), "the password is never printed");

  const user = await db.user.findUniqueOrThrow({ where: { clusterId_username: { clusterId, username: admin } } });
  assert.equal(user.locked, false);
  assert.equal(user.failedLogins, 0);
  assert.equal(await db.session.count({ where: { userId: user.id, revokedAt: null } }), 0, "every session of the user ended");
  await assert.rejects(loginWithPassword(anonymous, { cluster_id: clusterId, username: admin, password: "correct horse battery" }, "api"), /Sign-in failed/);
  const signed = await loginWithPassword(anonymous, { cluster_id: clusterId, username: admin, password: NEW_PASSWORD }, "api");
  assert.ok(!signed.mfaRequired);

  const event = await db.auditEvent.findFirstOrThrow({ where: { clusterId, operation: "user unlock (server)" } });
  assert.equal(event.outcome, "success");
  assert.equal(event.target, admin);
  assert.equal(event.userAgent, "npm run unlock");
  assert.match(event.after ?? "", /"locked":false/);
  assert.ok(!JSON.stringify(event).includes(NEW_PASSWORD));
});

test("npm run unlock reads the password from standard input when UNLOCK_NEW_PASSWORD is unset", async () => {
  const { clusterId } = await makeCluster();
  const { username } = await makeUser(clusterId);
  await lockOut(clusterId, username);
  const run = await runNpmScript("unlock", ["--cluster-id", clusterId, "--username", username], { env: { UNLOCK_NEW_PASSWORD: undefined }, input: `${NEW_PASSWORD}\n` });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.equal(run.envelope?.data.role, "crypto-user");
  const signed = await loginWithPassword(anonymous, { cluster_id: clusterId, username, password: NEW_PASSWORD }, "api");
  assert.ok(!signed.mfaRequired);
});

test("npm run unlock refuses bad input with the envelope, exit 1, and changes nothing", async () => {
  const { clusterId, admin } = await makeCluster();
  await lockOut(clusterId, admin);
  const before = await snapshot();
  const cases: [string[], Record<string, string>, RegExp][] = [
    [["--cluster-id", clusterId, "--username", admin], { UNLOCK_NEW_PASSWORD: "short" }, /^password: A password has 8 to 64 characters\.$/],
    [["--cluster-id", clusterId, "--username", admin], { UNLOCK_NEW_PASSWORD: "x".repeat(65) }, /^password: A password has 8 to 64 characters\.$/],
    [["--cluster-id", clusterId, "--username", "ghost"], { UNLOCK_NEW_PASSWORD: NEW_PASSWORD }, /^--username: No user named ghost\.$/],
    [["--cluster-id", "cluster-nope", "--username", admin], { UNLOCK_NEW_PASSWORD: NEW_PASSWORD }, /^--cluster-id: No such cluster\.$/],
    [["--username", admin], { UNLOCK_NEW_PASSWORD: NEW_PASSWORD }, /^--cluster-id: Give the cluster id/],
    [["--cluster-id", clusterId, "--username", admin, "--password", NEW_PASSWORD], { UNLOCK_NEW_PASSWORD: NEW_PASSWORD }, /Unknown option '--password'.*standard input/],
  ];
  for (const [args, env, message] of cases) {
    const run = await runNpmScript("unlock", args, { env });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.equal(run.envelope?.error_code, 1);
    assert.match(run.envelope?.data, message);
  }
  assert.equal(await snapshot(), before);
  const refusals = await db.auditEvent.count({ where: { operation: "user unlock (server)", outcome: "failure" } });
  assert.ok(refusals >= 4, "refused unlocks leave audit events too");
});
