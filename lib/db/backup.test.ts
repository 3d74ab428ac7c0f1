import { sqliteOnly, testDatabaseFile } from "../testing/db";
import Database from "better-sqlite3";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { recordAudit } from "../audit/record";
import { db } from "./client";
import { makeCluster, meta } from "../testing/fixtures";

/** Runs one of the npm scripts as an operator would, against the database DATABASE_URL names. */
function npmScript(script: string, args: string[], databaseFile: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", `scripts/${script}.ts`, ...args], {
      env: { ...process.env, DATABASE_URL: `file:${databaseFile}`, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

test("backup during a stream of writes, restore into a fresh folder: chains intact, every acknowledged write there", { skip: sqliteOnly("the online backup API copies the file; PostgreSQL backs up with pg_dump (pg-dump.test.ts)") }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hsm-console-backup-"));
  try {
    const { clusterId } = await makeCluster();
    const acknowledged: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        await recordAudit(db, { clusterId, operation: "user create", target: `w${i}`, outcome: "success", meta });
        acknowledged.push(`w${i}`);
        // The adapter answers synchronously: give timers (and the backup's child process) their turn.
        await new Promise((r) => setImmediate(r));
      }
    })();
    while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 5));

    const out = path.join(dir, "console-backup.db");
    const ackedBefore = [...acknowledged];
    const backup = await npmScript("backup", ["--out", out], testDatabaseFile);
    const ackedDuring = acknowledged.length - ackedBefore.length;
    writing = false;
    await writer;
    assert.equal(backup.code, 0, backup.out);
    assert.match(backup.out, /Integrity check: ok/);
    assert.ok(ackedDuring > 0, "the console kept writing while the backup ran");

    const restored = path.join(dir, "fresh", "console.db");
    const restore = await npmScript("restore", ["--from", out], restored);
    assert.equal(restore.code, 0, restore.out);
    const verify = await npmScript("audit-verify", [], restored);
    assert.equal(verify.code, 0, verify.out);
    assert.match(verify.out, new RegExp(`OK +Chain ${clusterId}: \\d+ events, intact`));

    const copy = new Database(restored, { readonly: true });
    const targets = new Set((copy.prepare(`SELECT "target" FROM "AuditEvent" WHERE "chain" = ?`).all(clusterId) as { target: string }[]).map((r) => r.target));
    copy.close();
    assert.deepEqual(ackedBefore.filter((t) => !targets.has(t)), [], "every write acknowledged before the backup began is in it");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("restore refuses while a server holds the database, and refuses what is not a console backup", { skip: sqliteOnly("the server lock and the file restore are SQLite's; PostgreSQL restores with pg_restore") }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hsm-console-restore-"));
  try {
    const out = path.join(dir, "b.db");
    assert.equal((await npmScript("backup", ["--out", out], testDatabaseFile)).code, 0);
    const again = await npmScript("backup", ["--out", out], testDatabaseFile);
    assert.equal(again.code, 1);
    assert.match(again.out, /exists already; give a new file name/);

    const target = path.join(dir, "live", "console.db");
    fs.mkdirSync(path.dirname(target));
    fs.writeFileSync(target, "the live database");
    fs.writeFileSync(`${target}.server.pid`, `${process.pid}\n`); // this test process plays the server
    const refused = await npmScript("restore", ["--from", out], target);
    assert.equal(refused.code, 1);
    assert.match(refused.out, new RegExp(`restore stopped: a console server \\(process ${process.pid}\\) is serving .*Stop it first`));
    assert.equal(fs.readFileSync(target, "utf8"), "the live database");

    fs.rmSync(`${target}.server.pid`);
    const notSqlite = path.join(dir, "notes.txt");
    fs.writeFileSync(notSqlite, "not a database");
    const bad = await npmScript("restore", ["--from", notSqlite], target);
    assert.equal(bad.code, 1);
    assert.match(bad.out, /is not a usable SQLite database|cannot be opened as a SQLite database/);
    assert.equal(fs.readFileSync(target, "utf8"), "the live database");

    const ok = await npmScript("restore", ["--from", out], target);
    assert.equal(ok.code, 0, ok.out);
    assert.match(ok.out, /The previous file is kept as .*console\.db\.before-restore-/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});



