import "../testing/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "../db/client";
import { anonymous, makeCluster, makeUser, PASSWORD, snapshot } from "../testing/fixtures";
import { changePassword } from "./change-password";
import { createUser } from "./create";
import { deleteUser } from "./delete";
import { listUsers } from "./list";
import { findActiveSession } from "../auth/sessions";
import { refused } from "../testing/assertions";

test("user create stores the username in lowercase and refuses the same name in another case", async () => {
  const { ctx, clusterId } = await makeCluster();
  assert.deepEqual(await createUser(ctx, { username: "Bob_1", role: "crypto-user", password: "12345678" }), { username: "bob_1", role: "crypto-user" });
  const before = await snapshot();
  await refused(createUser(ctx, { username: "BOB_1", role: "admin", password: "12345678" }), 409, /already exists.*case-insensitive/);
  assert.equal(await snapshot(), before);
  const row = await db.user.findUniqueOrThrow({ where: { clusterId_username: { clusterId, username: "bob_1" } }, omit: { passwordHash: false } });
  assert.match(row.passwordHash, /^\$argon2id\$/);
});

test("user create refuses each bad input with its own message and changes nothing", async () => {
  const { ctx } = await makeCluster();
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ username: "a".repeat(32), role: "crypto-user", password: "12345678" }, /at most 31 characters/],
    [{ username: "with-hyphen", role: "crypto-user", password: "12345678" }, /letters, digits and underscores/],
    [{ username: "with space", role: "crypto-user", password: "12345678" }, /letters, digits and underscores/],
    [{ username: "", role: "crypto-user", password: "12345678" }, /Enter a username/],
    [{ username: "carol", role: "Admin", password: "12345678" }, /Role must be admin or crypto-user/],
    [{ username: "carol", role: "officer", password: "12345678" }, /Role must be admin or crypto-user/],
    [{ username: "carol", role: "crypto-user", password: "1234567" }, /8 to 64 characters/],
    [{ username: "carol", role: "crypto-user", password: "x".repeat(65) }, /8 to 64 characters/],
    [{ username: "carol", role: "crypto-user", password: "12345678", extra: 1 }, /Unknown field: extra/],
  ];
  const before = await snapshot();
  for (const [input, message] of cases) await refused(createUser(ctx, input), 400, message);
  assert.equal(await snapshot(), before);
  assert.ok((await createUser(ctx, { username: "a".repeat(31), role: "crypto-user", password: "x".repeat(64) })).username);
});

test("a crypto user, a signed-out caller and an admin of another cluster cannot manage users", async () => {
  const a = await makeCluster();
  const b = await makeCluster();
  const cu = await makeUser(a.clusterId);
  const victim = await makeUser(b.clusterId);
  const before = await snapshot();
  await refused(createUser(cu.ctx, { username: "mallory", role: "admin", password: "12345678" }), 403, /Only an admin can run user create/);
  await refused(deleteUser(cu.ctx, { username: a.admin, role: "admin" }), 403, /Only an admin/);
  await refused(changePassword(cu.ctx, { username: a.admin, role: "admin", password: "12345678" }), 403, /their own account only/);
  await refused(createUser(anonymous, { username: "mallory", role: "admin", password: "12345678" }), 401, /Sign in first/);
  await refused(deleteUser(a.ctx, { username: victim.username, role: "crypto-user" }), 404, /no crypto-user named/);
  await refused(changePassword(a.ctx, { username: victim.username, role: "crypto-user", password: "12345678" }), 404, /no crypto-user named/);
  assert.equal(await snapshot(), before);
});

test("user delete: with the right role only, never yourself, and the user's sessions go with it", async () => {
  const { ctx, clusterId, admin } = await makeCluster();
  const cu = await makeUser(clusterId);
  const before = await snapshot();
  await refused(deleteUser(ctx, { username: admin, role: "admin" }), 409, /cannot delete your own account/);
  await refused(deleteUser(ctx, { username: cu.username, role: "admin" }), 404, /no admin named/);
  await refused(deleteUser(ctx, { username: "nobody", role: "crypto-user" }), 404, /no crypto-user named nobody/);
  assert.equal(await snapshot(), before);
  await deleteUser(ctx, { username: cu.username.toUpperCase(), role: "crypto-user" });
  assert.equal(await db.user.count({ where: { clusterId, username: cu.username } }), 0);
  assert.equal(await findActiveSession({ id: cu.ctx.actor.sessionId, kind: "browser" }), null);
  const events = await db.auditEvent.findMany({ where: { clusterId, operation: "user delete" }, orderBy: { createdAt: "asc" } });
  assert.deepEqual(events.map((e) => e.outcome), ["failure", "failure", "failure", "success"]);
});

test("user change-password: self keeps the current session, an admin's change unlocks and ends every session", async () => {
  const { ctx, clusterId } = await makeCluster();
  const cu = await makeUser(clusterId);
  const other = await makeUser(clusterId); // a second session of the same user
  void other;
  await db.user.update({ where: { clusterId_username: { clusterId, username: cu.username } }, data: { locked: true, failedLogins: 5 } });
  await changePassword(ctx, { username: cu.username, role: "crypto-user", password: "new password 1" });
  const row = await db.user.findUniqueOrThrow({ where: { clusterId_username: { clusterId, username: cu.username } } });
  assert.equal(row.locked, false);
  assert.equal(row.failedLogins, 0);
  assert.equal(await db.session.count({ where: { userId: row.id, revokedAt: null } }), 0);

  const self = await makeUser(clusterId, "crypto-user");
  const second = await db.session.create({ data: { kind: "api", userId: self.ctx.actor.userId, clusterId, expiresAt: new Date(Date.now() + 3600_000) } });
  await changePassword(self.ctx, { username: self.username, role: "crypto-user", current_password: PASSWORD, password: PASSWORD + "2" });
  assert.ok(await findActiveSession({ id: self.ctx.actor.sessionId, kind: "browser" }) === null); // api-kind session, looked up as browser
  const rows = await db.session.findMany({ where: { userId: self.ctx.actor.userId } });
  assert.equal(rows.find((s) => s.id === self.ctx.actor.sessionId)?.revokedAt, null);
  assert.ok(rows.find((s) => s.id === second.id)?.revokedAt);
});

test("user list filters by name, role, MFA and lock state, and pages in username order", async () => {
  const { ctx, clusterId } = await makeCluster();
  for (let i = 0; i < 30; i++) await makeUser(clusterId, i % 3 === 0 ? "admin" : "crypto-user", `user_${String(i).padStart(2, "0")}`);
  await db.user.update({ where: { clusterId_username: { clusterId, username: "user_05" } }, data: { locked: true } });
  await db.user.update({ where: { clusterId_username: { clusterId, username: "user_07" } }, data: { mfaFingerprint: "SHA256:x" } });
  const page1 = await listUsers(ctx, { search: "USER_", per_page: "25" });
  assert.equal(page1.total, 30);
  assert.equal(page1.users.length, 25);
  assert.equal(page1.users[0].username, "user_00");
  assert.equal((await listUsers(ctx, { search: "user_", page: "2" })).users.length, 5);
  assert.equal((await listUsers(ctx, { search: "user_", role: "admin" })).total, 10);
  // The search is the start of a username (an index range, issue 9), not any part of it.
  assert.deepEqual((await listUsers(ctx, { search: "user_1" })).users.map((u) => u.username), Array.from({ length: 10 }, (_, i) => `user_1${i}`));
  assert.equal((await listUsers(ctx, { search: "ser_" })).total, 0);
  assert.deepEqual((await listUsers(ctx, { locked: "true" })).users.map((u) => u.username), ["user_05"]);
  assert.deepEqual((await listUsers(ctx, { mfa: "enabled" })).users.map((u) => u.username), ["user_07"]);
  await refused(listUsers(ctx, { role: "officer" }), 400, /Role must be/);
  await refused(listUsers(ctx, { page: "0" }), 400, /Pages start at 1/);
});
