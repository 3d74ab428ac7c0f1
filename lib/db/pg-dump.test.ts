import { onPostgres } from "../testing/db";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { recordAudit } from "../audit/record";
import { makeCluster, meta } from "../testing/fixtures";
import { runNpmScript } from "../testing/npm-script";
import { db } from "./client";

const skip = !onPostgres && "PostgreSQL only: SQLite's backup and restore are backup.test.ts";

test("PostgreSQL: npm run backup writes a pg_dump of the live database, never over an existing file", { skip }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hsm-console-pg-dump-"));
  try {
    const { clusterId } = await makeCluster();
    await recordAudit(db, { clusterId, operation: "user create", target: "in the dump", outcome: "success", meta });
    const out = path.join(dir, "console.dump");
    const done = await runNpmScript("backup", ["--out", out]);
    assert.equal(done.code, 0, done.stdout + done.stderr);
    assert.match(done.stdout, /Backed up the PostgreSQL database to .*console\.dump with pg_dump \(custom format\)/);
    const listing = execFileSync(path.join(path.dirname(process.env.TEST_PSQL || "/usr/bin/psql"), "pg_restore"), ["--list", out], { encoding: "utf8" });
    assert.match(listing, /TABLE DATA public AuditEvent/);
    assert.doesNotMatch(done.stdout + done.stderr, /postgresql:\/\//, "the URL (and any password in it) is not printed");

    const again = await runNpmScript("backup", ["--out", out]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /exists already; give a new file name/);

    const restore = await runNpmScript("restore", ["--from", out]);
    assert.equal(restore.code, 1);
    assert.match(restore.stderr, /restore it with PostgreSQL's own tool\. Stop every console instance, create an empty database, run `pg_restore --no-owner/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
