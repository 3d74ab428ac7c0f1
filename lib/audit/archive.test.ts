import "../testing/db";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { advanceClockForTests, now, resetClockForTests } from "../clock";
import { db } from "../db/client";
import { makeCluster, meta } from "../testing/fixtures";
import { archiveChain } from "./archive";
import { recordAudit } from "./record";
import { verifyArchiveFile } from "./verify-archive";
import { verifyChain } from "./verify";

const DAY = 86_400_000;
const npm = (...args: string[]) => {
  const run = spawnSync("npm", ["run", "--silent", ...args], { env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL }, encoding: "utf8" });
  return { status: run.status, out: run.stdout + run.stderr };
};

test("retention moves old events to a file that verifies on its own, and the chain carries on from it", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-archive-"));
  const { clusterId } = await makeCluster();
  try {
    for (let i = 0; i < 5; i++) await recordAudit(db, { clusterId, operation: "old probe", target: `t${i}`, outcome: "success", meta });
    advanceClockForTests(100 * DAY);
    const cutoff = new Date(now().getTime() - 50 * DAY).toISOString().slice(0, 10);
    for (let i = 0; i < 3; i++) await recordAudit(db, { clusterId, operation: "new probe", outcome: "success", meta });

    const run = npm("audit:archive", "--", "--before", cutoff, "--dir", dir);
    assert.equal(run.status, 0, run.out);
    assert.match(run.out, new RegExp(`Chain ${clusterId}: events #1–#6 archived to .*audit-${clusterId}-1-6\\.jsonl`));
    assert.deepEqual((await db.auditEvent.findMany({ where: { chain: clusterId }, orderBy: { seq: "asc" } })).map((e) => e.operation), ["new probe", "new probe", "new probe"]);
    assert.equal(await archiveChain(clusterId, new Date(`${cutoff}T00:00:00Z`), dir), null);

    await recordAudit(db, { clusterId, operation: "after archive", outcome: "success", meta });
    const chain = await verifyChain(clusterId);
    assert.deepEqual([chain.ok, chain.events, chain.lastSeq], [true, 4, 10]);
    assert.match(chain.message, /events #1–#6 are in archive files/);

    const file = path.join(dir, `audit-${clusterId}-1-6.jsonl`);
    assert.match((await verifyArchiveFile(file)).message, /events #1–#6 .* intact; the file matches the database's record/);
    assert.equal(npm("audit:verify", "--", "--archive", file).status, 0);

    const lines = fs.readFileSync(file, "utf8").split("\n");
    const victim = JSON.parse(lines[3]);
    fs.writeFileSync(file, [...lines.slice(0, 3), JSON.stringify({ ...victim, target: "someone else" }), ...lines.slice(4)].join("\n"));
    const bad = npm("audit:verify", "--", "--archive", file);
    assert.equal(bad.status, 1);
    assert.match(bad.out, new RegExp(`BROKEN .*event #3 \\(id ${victim.id}\\) was changed after it was written`));
    fs.writeFileSync(file, lines.slice(0, -2).join("\n") + "\n");
    assert.match((await verifyArchiveFile(file)).message, /ends at event #5, but its header says #6/);
  } finally {
    resetClockForTests();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a broken chain is not archived, and nothing is deleted", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-archive-"));
  const { clusterId } = await makeCluster();
  await recordAudit(db, { clusterId, operation: "probe", outcome: "success", meta });
  await db.auditChainHead.update({ where: { chain: clusterId }, data: { seq: 99 } });
  await assert.rejects(archiveChain(clusterId, new Date(Date.now() + DAY), dir), /Not archiving a broken chain/);
  assert.equal(await db.auditEvent.count({ where: { chain: clusterId } }), 2);
  assert.deepEqual(fs.readdirSync(dir), []);
  fs.rmSync(dir, { recursive: true, force: true });
});
