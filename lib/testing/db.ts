// Import first in every integration test file: points the app at a fresh database of its own. On SQLite
// (the default) a file copied from the migrated template that scripts/test.mjs makes (or migrated here when
// run alone); with TEST_DATABASE=postgresql a database created from the template database scripts/test.mjs
// migrated in its private PostgreSQL cluster (TEST_PG_URL, TEST_PG_TEMPLATE).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** The database this test run uses; a test that only makes sense on one of them skips on the other with a reason. */
export const testDatabase: "sqlite" | "postgresql" = process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
export const onPostgres = testDatabase === "postgresql";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hsm-console-test-"));
let file = "";

if (onPostgres) {
  const server = process.env.TEST_PG_URL;
  const template = process.env.TEST_PG_TEMPLATE;
  if (!server || !template) throw new Error("TEST_DATABASE=postgresql needs scripts/test.mjs (npm run test:unit), which starts PostgreSQL.");
  const name = `test_${randomBytes(6).toString("hex")}`;
  execFileSync(process.env.TEST_PSQL || "psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", `${server}/postgres`, "-c", `CREATE DATABASE ${name} TEMPLATE ${template}`], { stdio: ["ignore", "ignore", "inherit"] });
  process.env.DATABASE_URL = `${server}/${name}`;
} else {
  file = path.join(dir, "test.db");
  const template = process.env.TEST_DB_TEMPLATE;
  if (template && fs.existsSync(template)) {
    fs.copyFileSync(template, file);
  } else {
    execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: `file:${file}` },
      stdio: "ignore",
    });
  }
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.DATA_DIR = dir;
process.env.AUTH_SECRET ??= "integration-tests-only-secret-0123456789abcdef";
process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));

/** The SQLite file of this test file (empty on PostgreSQL, where the tests that need it are skipped). */
export const testDatabaseFile = file;

/** Why a SQLite-only test does not run on PostgreSQL, for node:test's `skip`. */
export const sqliteOnly = (reason: string) => (onPostgres ? `SQLite only: ${reason}` : false);

/**
 * Changes the database behind the app's back, as someone with direct access would: a statement with `?`
 * placeholders, on a connection of its own (SQLite) or through the pool's raw SQL (PostgreSQL, `$n`).
 */
export async function editBehindTheAppsBack(...statements: [string, ...unknown[]][]): Promise<void> {
  if (onPostgres) {
    const { db } = await import("../db/client");
    for (const [sql, ...params] of statements) {
      let n = 0;
      await db.$executeRawUnsafe(sql.replace(/\?/g, () => `$${++n}`), ...params);
    }
    return;
  }
  const { default: Database } = await import("better-sqlite3");
  const raw = new Database(file);
  try {
    for (const [sql, ...params] of statements) raw.prepare(sql).run(...params);
  } finally {
    raw.close();
  }
}

/** Everything the database holds, as text: the SQLite file (and its WAL), or a pg_dump of the PostgreSQL database. */
export function databaseText(): string {
  if (onPostgres) {
    const pgDump = path.join(path.dirname(process.env.TEST_PSQL || "/usr/bin/psql"), "pg_dump");
    return execFileSync(pgDump, ["--data-only", "--dbname", process.env.DATABASE_URL!], { encoding: "latin1", maxBuffer: 256 * 1024 * 1024 });
  }
  return [file, `${file}-wal`].filter(fs.existsSync).map((f) => fs.readFileSync(f).toString("latin1")).join("");
}
