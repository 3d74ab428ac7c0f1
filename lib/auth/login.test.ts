import "../testing/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { OpError } from "../errors";
import { db } from "../db/client";
import { overrideSettingsForTests } from "../settings";
import { anonymous, makeCluster, makeUser, meta, PASSWORD } from "../testing/fixtures";
import { loginWithPassword, SIGN_IN_FAILED } from "./login";
import { findActiveSession } from "./sessions";
import { advanceClockForTests } from "../clock";

overrideSettingsForTests({ LOGIN_RATE_PER_ADDRESS: 10_000, LOGIN_RATE_PER_USERNAME: 10_000 });

const failsWith = async (p: Promise<unknown>, status: number, message: string | RegExp) =>
  assert.rejects(p, (e: unknown) => e instanceof OpError && e.status === status && (typeof message === "string" ? e.message === message : message.test(e.message)));

test("sign-in is case-insensitive on the username and opens a session that is checked on each request", async () => {
  const { clusterId } = await makeCluster();
  const { username } = await makeUser(clusterId);
  const signed = await loginWithPassword(anonymous, { cluster_id: clusterId, username: username.toUpperCase(), password: PASSWORD }, "api");
  assert.ok(!signed.mfaRequired);
  assert.equal(signed.username, username);
  const actor = await findActiveSession({ token: signed.session.token, kind: "api" });
  assert.equal(actor?.username, username);
  assert.equal(await findActiveSession({ token: signed.session.token, kind: "browser" }), null, "an API token is not a browser session");
  assert.equal(await findActiveSession({ token: signed.session.token + "x", kind: "api" }), null);
  advanceClockForTests(31 * 60_000);
  assert.equal(await findActiveSession({ token: signed.session.token, kind: "api" }), null, "idle sessions end");
});

test("a wrong password, an unknown user and a locked account get the same message", async () => {
  const { clusterId } = await makeCluster();
  const { username } = await makeUser(clusterId);
  await failsWith(loginWithPassword(anonymous, { cluster_id: clusterId, username, password: "wrong password" }, "api"), 401, SIGN_IN_FAILED);
  await failsWith(loginWithPassword(anonymous, { cluster_id: clusterId, username: "ghost", password: "wrong password" }, "api"), 401, SIGN_IN_FAILED);
  await db.user.update({ where: { clusterId_username: { clusterId, username } }, data: { locked: true } });
  await failsWith(loginWithPassword(anonymous, { cluster_id: clusterId, username, password: PASSWORD }, "api"), 401, SIGN_IN_FAILED);
});

test("five failures in a row lock the account, even when twenty guesses arrive at once", async () => {
  const { clusterId } = await makeCluster();
  const { username, ctx } = await makeUser(clusterId);
  const attempts = Array.from({ length: 20 }, (_, i) => loginWithPassword(anonymous, { cluster_id: clusterId, username, password: `guess number ${i}` }, "api"));
  const results = await Promise.allSettled(attempts);
  assert.ok(results.every((r) => r.status === "rejected"));
  const user = await db.user.findUniqueOrThrow({ where: { clusterId_username: { clusterId, username } } });
  assert.equal(user.locked, true);
  assert.equal(user.failedLogins, 5, "no more than five guesses were ever checked");
  assert.equal(await findActiveSession({ id: ctx.actor.sessionId, kind: "browser" }), null);
  await failsWith(loginWithPassword(anonymous, { cluster_id: clusterId, username, password: PASSWORD }, "api"), 401, SIGN_IN_FAILED);
  const locks = await db.auditEvent.count({ where: { clusterId, operation: "user lock", target: username } });
  assert.equal(locks, 1);
});

test("a success resets the count of failures", async () => {
  const { clusterId } = await makeCluster();
  const { username } = await makeUser(clusterId);
  for (let i = 0; i < 4; i++) await failsWith(loginWithPassword(anonymous, { cluster_id: clusterId, username, password: "nope nope" }, "api"), 401, SIGN_IN_FAILED);
  await loginWithPassword(anonymous, { cluster_id: clusterId, username, password: PASSWORD }, "api");
  for (let i = 0; i < 4; i++) await failsWith(loginWithPassword(anonymous, { cluster_id: clusterId, username, password: "nope nope" }, "api"), 401, SIGN_IN_FAILED);
  assert.equal((await db.user.findUniqueOrThrow({ where: { clusterId_username: { clusterId, username } } })).locked, false);
});

test("sign-in is rate-limited per username and per address, with the time to wait", async () => {
  const { clusterId } = await makeCluster();
  const { username } = await makeUser(clusterId);
  overrideSettingsForTests({ LOGIN_RATE_PER_USERNAME: 3, LOGIN_RATE_PER_ADDRESS: 5 });
  try {
    const fresh = { actor: null, meta: { ...meta, ip: "192.0.2.10" } };
    for (let i = 0; i < 3; i++) await loginWithPassword(fresh, { cluster_id: clusterId, username, password: PASSWORD }, "api");
    await failsWith(loginWithPassword(fresh, { cluster_id: clusterId, username, password: PASSWORD }, "api"), 429, /Try again in \d+ seconds/);
    const other = { actor: null, meta: { ...meta, ip: "198.51.100.1" } };
    for (let i = 0; i < 5; i++) await failsWith(loginWithPassword(other, { cluster_id: clusterId, username: `ghost${i}`, password: "x" }, "api"), 401, SIGN_IN_FAILED);
    await failsWith(loginWithPassword(other, { cluster_id: clusterId, username: "ghost9", password: "x" }, "api"), 429, /Too many sign-in attempts/);
    advanceClockForTests(61_000);
    await loginWithPassword(fresh, { cluster_id: clusterId, username, password: PASSWORD }, "api");
  } finally {
    overrideSettingsForTests({ LOGIN_RATE_PER_ADDRESS: 10_000, LOGIN_RATE_PER_USERNAME: 10_000 });
  }
});

test("with several clusters, sign-in needs the cluster id", async () => {
  await makeCluster();
  await makeCluster();
  await failsWith(loginWithPassword(anonymous, { username: "x", password: "y" }, "api"), 400, /Several clusters are configured/);
  await failsWith(loginWithPassword(anonymous, { cluster_id: "cluster-nope", username: "x", password: "y" }, "api"), 404, /No cluster with id/);
});

test("login takes cloudhsm-cli's --role: the right one signs in, a wrong one fails like a wrong password and counts", async () => {
  const { clusterId } = await makeCluster();
  const { username } = await makeUser(clusterId);
  const signed = await loginWithPassword(anonymous, { cluster_id: clusterId, username, password: PASSWORD, role: "crypto-user" }, "api");
  assert.ok(!signed.mfaRequired && signed.role === "crypto-user");
  await failsWith(loginWithPassword(anonymous, { cluster_id: clusterId, username, password: PASSWORD, role: "admin" }, "api"), 401, SIGN_IN_FAILED);
  const user = await db.user.findUniqueOrThrow({ where: { clusterId_username: { clusterId, username } } });
  assert.equal(user.failedLogins, 1, "a wrong role is a failed sign-in");
  const reason = await db.auditEvent.findFirst({ where: { clusterId, operation: "login", outcome: { not: "success" } }, orderBy: { seq: "desc" } });
  assert.match(JSON.stringify(reason), /wrong role/);
  await failsWith(loginWithPassword(anonymous, { cluster_id: clusterId, username, password: PASSWORD, role: "Admin" }, "api"), 400, /Role must be admin or crypto-user/);
  assert.equal((await db.user.findUniqueOrThrow({ where: { clusterId_username: { clusterId, username } } })).failedLogins, 1, "a malformed role is refused before any check");
});
