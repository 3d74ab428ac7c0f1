import { onPostgres } from "../testing/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { recordAudit } from "../audit/record";
import { verifyChain } from "../audit/verify";
import { removeHsm } from "../clusters/hsms";
import { approveQuorumToken } from "../quorum/approve";
import { generateQuorumToken } from "../quorum/generate";
import { setQuorumValue } from "../quorum/settings";
import { approver, sign } from "../quorum/test-support";
import { hitRateLimit } from "../rate-limit";
import { makeCluster, meta, unique } from "../testing/fixtures";
import { deleteUser } from "../users/delete";
import { changePassword } from "../users/change-password";
import { db } from "./client";

// Read-then-write races that SQLite's one queue hides and PostgreSQL's READ COMMITTED does not (decision
// 0103). On PostgreSQL each call below runs on a connection of its own from the pool, really side by side,
// as on two instances; on SQLite the same tests hold the queue to the same outcomes.
const where = onPostgres ? "PostgreSQL" : "SQLite";

test(`${where}: fifty writers on a chain with no head yet: numbered 1…50, no fork, no failure`, async () => {
  const chain = unique("chain");
  const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => recordAudit(db, { clusterId: chain, operation: `race ${i}`, outcome: "success", meta })));
  assert.deepEqual(results.filter((r) => r.status === "rejected"), []);
  const events = await db.auditEvent.findMany({ where: { chain }, orderBy: { seq: "asc" } });
  assert.deepEqual(events.map((e) => e.seq), Array.from({ length: 50 }, (_, i) => i + 1));
  for (let i = 1; i < events.length; i++) assert.equal(events[i].prevHash, events[i - 1].hash);
  const check = await verifyChain(chain);
  assert.equal(check.ok, true, check.message);
});

test(`${where}: two admins deleting each other at once: one is refused, the cluster keeps an admin`, async () => {
  const { clusterId, admin, ctx } = await makeCluster();
  const other = await approver(clusterId);
  const results = await Promise.allSettled([
    deleteUser(ctx, { username: other.username, role: "admin" }),
    deleteUser(other.ctx, { username: admin, role: "admin" }),
  ]);
  assert.equal(await db.user.count({ where: { clusterId, role: "admin" } }), 1, JSON.stringify(results.map((r) => r.status)));
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  const refusedOne = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
  assert.match(refusedOne.reason.message, /is the last admin of this cluster|not signed in|session/i);
});

test(`${where}: two quorum keys deregistered at once cannot drop the approvers below the quorum value`, async () => {
  const { clusterId, ctx } = await makeCluster();
  const a = await approver(clusterId, "rsa2048");
  const b = await approver(clusterId, "rsa2048b");
  await approver(clusterId, "rsa2048c");
  await db.cluster.update({ where: { id: clusterId }, data: { quorumQuorum: 2 } });
  const results = await Promise.allSettled(
    [a, b].map((u) => changePassword(ctx, { username: u.username, role: "admin", password: "a new password 1", deregister_quorum: true })),
  );
  const left = await db.user.count({ where: { clusterId, role: "admin", quorumFingerprint: { not: null } } });
  assert.ok(left >= 2, `${left} approvers left: ${JSON.stringify(results.map((r) => (r.status === "rejected" ? r.reason.message : "ok")))}`);
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
});

test(`${where}: three approvals of one token at once are all counted, and the token is approved once`, async () => {
  const { clusterId } = await makeCluster();
  const requester = await approver(clusterId, "rsa2048");
  const approvers = [await approver(clusterId, "rsa2048b"), await approver(clusterId, "rsa2048c"), await approver(clusterId, "rsa3072")];
  await db.cluster.update({ where: { id: clusterId }, data: { quorumUser: 3 } });
  const { approval_file } = await generateQuorumToken(requester.ctx, { service: "user" });
  const token = (approval_file as unknown as { token: string }).token;
  const results = await Promise.all(approvers.map((a) => approveQuorumToken(a.ctx, { token, signature: sign(a.key!, token) })));
  assert.deepEqual(results.map((r) => r.number_of_approvals).sort(), [1, 2, 3]);
  const row = await db.quorumToken.findUniqueOrThrow({ where: { token }, include: { approvals: true } });
  assert.equal(row.approvals.length, 3);
  assert.ok(row.approvedAt, "the approval that met the quorum recorded it");
});

test(`${where}: the same admin asking twice at once for a quorum token gets one live token`, async () => {
  const { clusterId } = await makeCluster();
  const requester = await approver(clusterId, "rsa2048");
  const results = await Promise.allSettled([generateQuorumToken(requester.ctx, { service: "user" }), generateQuorumToken(requester.ctx, { service: "user" })]);
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  assert.equal(await db.quorumToken.count({ where: { requesterId: requester.ctx.actor.userId, usedAt: null } }), 1);
});

test(`${where}: the quorum value is checked against the approvers committed, not against a count taken beside a deregistration`, async () => {
  const { clusterId, ctx } = await makeCluster();
  const [a, b] = [await approver(clusterId, "rsa2048"), await approver(clusterId, "rsa2048b")];
  const results = await Promise.allSettled([
    setQuorumValue(ctx, { service: "user", value: 2 }),
    changePassword(ctx, { username: a.username, role: "admin", password: "a new password 1", deregister_quorum: true }),
  ]);
  const cluster = await db.cluster.findUniqueOrThrow({ where: { id: clusterId } });
  const left = await db.user.count({ where: { clusterId, role: "admin", quorumFingerprint: { not: null } } });
  assert.ok(cluster.quorumUser <= Math.max(1, left), `quorum ${cluster.quorumUser} with ${left} approvers: ${JSON.stringify(results.map((r) => (r.status === "rejected" ? r.reason.message : "ok")))}`);
  assert.ok(b.key);
});

test(`${where}: two HSMs removed at once from a cluster of two: one stays`, async () => {
  const { clusterId, ctx } = await makeCluster(2);
  const hsms = await db.hsm.findMany({ where: { clusterId } });
  const results = await Promise.allSettled(hsms.map((h) => removeHsm(ctx, { hsm_id: h.id })));
  assert.equal(await db.hsm.count({ where: { clusterId } }), 1);
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
});

test(`${where}: thirty hits at once on a limit of ten: exactly ten pass`, async () => {
  const key = unique("limit");
  const verdicts = await Promise.all(Array.from({ length: 30 }, () => hitRateLimit(key, 10, 60)));
  assert.equal(verdicts.filter((v) => v.ok).length, 10);
  const row = await db.rateLimit.findUniqueOrThrow({ where: { key } });
  assert.equal(row.count, 10);
  assert.equal(row.refused + 10 >= 20 || verdicts.some((v) => !v.ok && v.retryAfterSeconds === 1), true);
});

test(`${where}: eight first hits at once on a fresh key under a high limit all pass`, async () => {
  const key = unique("fresh");
  const verdicts = await Promise.all(Array.from({ length: 8 }, () => hitRateLimit(key, 100_000, 60)));
  assert.deepEqual(verdicts.filter((v) => !v.ok), [], JSON.stringify(verdicts));
  assert.equal((await db.rateLimit.findUniqueOrThrow({ where: { key } })).count, 8);
});
