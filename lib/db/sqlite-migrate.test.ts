import { sqliteOnly, testDatabaseFile } from "../testing/db";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import Database from "better-sqlite3";

// WAL (decision 0090): Prisma's schema engine wants a SQLite database to itself, so start-up and the scripts
// check the migrations table themselves and leave a database that a running console holds alone when it is
// up to date; when it is not, they say what to do instead of Prisma's "SocketTimeout".
const migrateScript = () => spawnSync(process.execPath, ["scripts/migrate.mjs"], { env: process.env, encoding: "utf8" });

test("an up-to-date database that another process holds open is left alone; a pending migration says to stop it first", { skip: sqliteOnly("WAL and the schema engine's exclusive lock are SQLite's") }, () => {
  const holder = new Database(testDatabaseFile);
  holder.pragma("journal_mode = WAL");
  holder.prepare('SELECT count(*) FROM "User"').get();
  try {
    const fine = migrateScript();
    assert.equal(fine.status, 0, fine.stderr);
    assert.match(fine.stdout, /Database schema is up to date\./);

    const last = holder.prepare('SELECT "migration_name" AS name FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1').get() as { name: string };
    holder.prepare('DELETE FROM "_prisma_migrations" WHERE "migration_name" = ?').run(last.name);
    const pending = migrateScript();
    assert.notEqual(pending.status, 0);
    assert.match(pending.stderr, /New database migrations must be applied, and .* is open in another process \(a running console\?\)\. Stop it, then run this again/);
    assert.doesNotMatch(pending.stderr, /SocketTimeout/);
  } finally {
    holder.close();
  }
});
