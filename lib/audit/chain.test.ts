import { editBehindTheAppsBack } from "../testing/db";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { db } from "../db/client";
import { makeCluster, makeUser, meta } from "../testing/fixtures";
import { createUser } from "../users/create";
import { eventHash, GENESIS_HASH } from "./chain";
import { recordAudit } from "./record";
import { verifyAllChains, verifyChain } from "./verify";

/** Runs the command exactly as an operator would, against this test's database file. */
function auditVerify() {
  const run = spawnSync("npm", ["run", "--silent", "audit:verify"], {
    cwd: path.resolve("."),
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    encoding: "utf8",
  });
  return { status: run.status, out: run.stdout + run.stderr };
}

/** Changes the database behind the app's back, as someone with the file (or a database login) would. */
const sqlite = (sql: string, ...params: unknown[]) => editBehindTheAppsBack([sql, ...params]);

test("events of a cluster form one chain, numbered without gaps even when written concurrently", async () => {
  const { ctx, clusterId } = await makeCluster();
  await createUser(ctx, { username: "chained", role: "crypto-user", password: "12345678" });
  await assert.rejects(createUser(ctx, { username: "chained", role: "crypto-user", password: "12345678" }));
  await Promise.all(Array.from({ length: 25 }, (_, i) => recordAudit(db, { clusterId, operation: `probe ${i}`, outcome: "success", meta })));
  const events = await db.auditEvent.findMany({ where: { chain: clusterId }, orderBy: { seq: "asc" } });
  assert.deepEqual(events.map((e) => e.seq), Array.from({ length: events.length }, (_, i) => i + 1));
  assert.equal(events[0].prevHash, GENESIS_HASH);
  for (let i = 1; i < events.length; i++) assert.equal(events[i].prevHash, events[i - 1].hash);
  assert.equal((await verifyChain(clusterId)).ok, true);
});

test("a rolled-back operation leaves no gap: its success event goes with it and the failure event takes the number", async () => {
  const { ctx, clusterId, admin } = await makeCluster();
  const before = await db.auditChainHead.findUniqueOrThrow({ where: { chain: clusterId } });
  await assert.rejects(createUser(ctx, { username: admin, role: "admin", password: "12345678" }));
  const head = await db.auditChainHead.findUniqueOrThrow({ where: { chain: clusterId } });
  assert.equal(head.seq, before.seq + 1);
  assert.equal((await verifyChain(clusterId)).ok, true);
});

test("npm run audit:verify passes on an intact database, then names the one row edited directly in SQLite", async () => {
  const { clusterId } = await makeCluster();
  await makeUser(clusterId);
  for (let i = 0; i < 5; i++) await recordAudit(db, { clusterId, operation: "probe", target: `t${i}`, outcome: "success", meta });
  const ok = auditVerify();
  assert.equal(ok.status, 0, ok.out);
  assert.match(ok.out, new RegExp(`OK +Chain ${clusterId}: 6 events, intact`));
  assert.ok(await db.auditVerification.findFirst({ where: { chain: clusterId, ok: true } }));

  const victim = await db.auditEvent.findFirstOrThrow({ where: { chain: clusterId, seq: 4 } });
  await sqlite(`UPDATE "AuditEvent" SET "outcome" = 'failure' WHERE "id" = ?`, victim.id);
  const bad = auditVerify();
  assert.equal(bad.status, 1, bad.out);
  assert.match(bad.out, new RegExp(`BROKEN Chain ${clusterId}: event #4 \\(id ${victim.id},.*"probe"\\) was changed after it was written`));
  const stored = await db.auditVerification.findFirstOrThrow({ where: { chain: clusterId }, orderBy: { verifiedAt: "desc" } });
  assert.deepEqual([stored.ok, stored.brokenSeq, stored.brokenEventId], [false, 4, victim.id]);
});

test("the verifier also sees a deleted event, a cut-off tail and a history rewritten with fresh hashes", async () => {
  const deleted = await makeCluster();
  for (let i = 0; i < 4; i++) await recordAudit(db, { clusterId: deleted.clusterId, operation: "probe", outcome: "success", meta });
  await sqlite(`DELETE FROM "AuditEvent" WHERE "chain" = ? AND "seq" = 3`, deleted.clusterId);
  assert.match((await verifyChain(deleted.clusterId)).message, /event #3 is missing: the chain jumps from #2 to #4/);

  const tail = await makeCluster();
  for (let i = 0; i < 3; i++) await recordAudit(db, { clusterId: tail.clusterId, operation: "probe", outcome: "success", meta });
  await sqlite(`DELETE FROM "AuditEvent" WHERE "chain" = ? AND "seq" = 4`, tail.clusterId);
  assert.match((await verifyChain(tail.clusterId)).message, /ends at event #3 but its head records #4/);

  const rewritten = await makeCluster();
  await recordAudit(db, { clusterId: rewritten.clusterId, operation: "probe", outcome: "success", meta });
  await verifyAllChains(); // records where each chain stood
  const last = await db.auditEvent.findFirstOrThrow({ where: { chain: rewritten.clusterId }, orderBy: { seq: "desc" } });
  const forged = { ...last, outcome: "failure" };
  const hash = eventHash(forged);
  await sqlite(`UPDATE "AuditEvent" SET "outcome" = 'failure', "hash" = ? WHERE "id" = ?`, hash, last.id);
  await sqlite(`UPDATE "AuditChainHead" SET "hash" = ? WHERE "chain" = ?`, hash, rewritten.clusterId);
  const r = await verifyChain(rewritten.clusterId);
  assert.equal(r.ok, false);
  assert.match(r.message, new RegExp(`event #${last.seq} .* is not the event that was verified on .*: the chain was rewritten`));
});
