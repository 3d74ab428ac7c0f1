import { editBehindTheAppsBack } from "../testing/db";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { db } from "../db/client";
import { makeCluster, meta } from "../testing/fixtures";
import { runNpmScript } from "../testing/npm-script";
import { eventHash } from "./chain";
import { recordAudit } from "./record";

const DEFAULT_FILE = path.join(process.env.DATA_DIR!, "audit-checkpoints.jsonl");

/** `npm run audit:verify` exactly as cron runs it, against this test's database file. */
async function auditVerify(checkpointFile?: string) {
  const run = await runNpmScript("audit:verify", [], { env: { AUDIT_CHECKPOINT_FILE: checkpointFile } });
  return { status: run.code, out: run.stdout + run.stderr };
}

/** Changes the database behind the app's back, as someone with the file would, covering their tracks. */
const tamper = (...statements: [string, ...unknown[]][]) => editBehindTheAppsBack(...statements);

const lineOf = (out: string, chain: string) => out.split("\n").find((l) => l.includes(`Chain ${chain}:`)) ?? "";
// Under DATA_DIR, which the test harness removes at exit.
const tmpFile = () => path.join(fs.mkdtempSync(path.join(process.env.DATA_DIR!, "checkpoints-")), "checkpoints.jsonl");

async function chainWithEvents(n: number) {
  const { clusterId } = await makeCluster();
  for (let i = 0; i < n; i++) await recordAudit(db, { clusterId, operation: "probe", target: `t${i}`, outcome: "success", meta });
  return clusterId;
}

test("each run appends every intact chain's checkpoint to <DATA_DIR>/audit-checkpoints.jsonl, and archiving keeps the chain verifiable", async () => {
  const clusterId = await chainWithEvents(3);
  const first = await auditVerify();
  assert.equal(first.status, 0, first.out);
  assert.match(first.out, new RegExp(`Checkpoints appended to ${DEFAULT_FILE.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  const head = await db.auditChainHead.findUniqueOrThrow({ where: { chain: clusterId } });
  const lines = fs.readFileSync(DEFAULT_FILE, "utf8").trim().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(Object.keys(lines[0]), ["cluster", "seq", "hash", "time"]);
  assert.deepEqual(lines.find((l) => l.cluster === clusterId), { cluster: clusterId, seq: head.seq, hash: head.hash, time: lines[0].time });

  await recordAudit(db, { clusterId, operation: "probe", outcome: "success", meta });
  assert.equal((await auditVerify()).status, 0);
  const dir = fs.mkdtempSync(path.join(process.env.DATA_DIR!, "archive-"));
  try {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const archived = await runNpmScript("audit:archive", ["--before", tomorrow, "--dir", dir]);
    assert.equal(archived.code, 0, archived.stdout + archived.stderr);
    assert.equal(await db.auditEvent.count({ where: { chain: clusterId } }), 0, "every event moved to the archive");
    await recordAudit(db, { clusterId, operation: "after archive", outcome: "success", meta });
    const after = await auditVerify();
    assert.equal(after.status, 0, after.out);
    assert.match(lineOf(after.out, clusterId), /^OK +.*1 events, intact \(events #1–#\d+ are in archive files/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a cut tail with a rewritten head is BROKEN against the checkpoint, run after run, even with the database's own records erased", async () => {
  const file = tmpFile();
  const clusterId = await chainWithEvents(5);
  assert.equal((await auditVerify(file)).status, 0);
  const kept = await db.auditEvent.findFirstOrThrow({ where: { chain: clusterId }, orderBy: { seq: "desc" }, skip: 2 });
  await tamper(
    [`DELETE FROM "AuditEvent" WHERE "chain" = ? AND "seq" > ?`, clusterId, kept.seq],
    [`UPDATE "AuditChainHead" SET "seq" = ?, "hash" = ? WHERE "chain" = ?`, kept.seq, kept.hash, clusterId],
    [`DELETE FROM "AuditVerification" WHERE "chain" = ?`, clusterId],
  );
  for (let run = 0; run < 2; run++) {
    const r = await auditVerify(file);
    assert.equal(r.status, 1, r.out);
    assert.match(lineOf(r.out, clusterId), new RegExp(`^BROKEN Chain ${clusterId}: the chain ends at event #${kept.seq}, but the checkpoint of .* recorded #${kept.seq + 2}: events at the end were deleted`));
  }
});

test("a chain deleted with its head is BROKEN: gone since its checkpoint", async () => {
  const file = tmpFile();
  const clusterId = await chainWithEvents(2);
  assert.equal((await auditVerify(file)).status, 0);
  await tamper(
    [`DELETE FROM "AuditEvent" WHERE "chain" = ?`, clusterId],
    [`DELETE FROM "AuditChainHead" WHERE "chain" = ?`, clusterId],
    [`DELETE FROM "AuditVerification" WHERE "chain" = ?`, clusterId],
  );
  const r = await auditVerify(file);
  assert.equal(r.status, 1, r.out);
  assert.match(lineOf(r.out, clusterId), /^BROKEN .*: the chain is gone: the checkpoint of .* recorded \d+ events, and the database has none of them\./);
});

test("a history rewritten with fresh hashes diverges from the checkpoint", async () => {
  const file = tmpFile();
  const clusterId = await chainWithEvents(2);
  assert.equal((await auditVerify(file)).status, 0);
  const last = await db.auditEvent.findFirstOrThrow({ where: { chain: clusterId }, orderBy: { seq: "desc" } });
  const hash = eventHash({ ...last, target: "nobody" });
  await tamper(
    [`UPDATE "AuditEvent" SET "target" = 'nobody', "hash" = ? WHERE "id" = ?`, hash, last.id],
    [`UPDATE "AuditChainHead" SET "hash" = ? WHERE "chain" = ?`, hash, clusterId],
    [`DELETE FROM "AuditVerification" WHERE "chain" = ?`, clusterId],
  );
  const r = await auditVerify(file);
  assert.equal(r.status, 1, r.out);
  assert.match(lineOf(r.out, clusterId), new RegExp(`^BROKEN .*event #${last.seq} .* is not the event that was checkpointed on .*: the chain was rewritten`));
});

test("a damaged checkpoint file stops the verification with its line number", async () => {
  const file = tmpFile();
  await chainWithEvents(1);
  assert.equal((await auditVerify(file)).status, 0);
  const damaged = fs.readFileSync(file, "utf8").trim().split("\n").length + 1;
  fs.appendFileSync(file, '{"cluster":"x","seq":"not a number"}\n');
  const r = await auditVerify(file);
  assert.equal(r.status, 2, r.out);
  assert.match(r.out, new RegExp(`has a damaged line ${damaged}: restore the file from your copy`));
});
