// Issue 12: the users page and the overview at 100k users on PostgreSQL, beside SQLite in the same run. The
// seeded SQLite database is copied table by table into a private PostgreSQL cluster (Debian's binaries, as the
// tests use, fsync on), a production server runs on it, and a real browser session times the same pages.
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { postgresBinaries, psql, startCluster } from "../postgres-cluster.mjs";
import { timePages, type PageCase } from "./pages";
import type { Seeded } from "./seed";
import { startServer } from "./server";
import { browserSessionCookie } from "./session";
import { atMost, type Verdict } from "./verdicts";

const TABLES = ["Cluster", "Hsm", "User", "AuditChainHead", "AuditEvent"];
const PG_TYPES: Record<string, string> = { TEXT: "text", INTEGER: "int4", BOOLEAN: "bool", DATETIME: "timestamp(3)", REAL: "float8" };
const BATCH = 20_000;

/** Copies the seeded tables with one `INSERT … SELECT FROM unnest(…)` per batch of rows. */
async function copyInto(sqliteFile: string, url: string): Promise<void> {
  const sqlite = new Database(sqliteFile, { readonly: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const table of TABLES) {
      const columns = sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string }[];
      const types = columns.map((c) => PG_TYPES[c.type.toUpperCase()] ?? "text");
      const names = columns.map((c) => `"${c.name}"`).join(", ");
      const insert = `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(", ")})`;
      const rows = sqlite.prepare(`SELECT ${names} FROM "${table}"`).raw().iterate() as IterableIterator<unknown[]>;
      let batch: unknown[][] = columns.map(() => []);
      const flush = async () => {
        if (batch[0].length) await client.query(insert, batch);
        batch = columns.map(() => []);
      };
      for (const row of rows) {
        row.forEach((v, i) => batch[i].push(types[i] === "bool" ? v === 1 || v === true : v));
        if (batch[0].length >= BATCH) await flush();
      }
      await flush();
    }
    // What autovacuum does on its own soon after a bulk load; without it the planner guesses from empty tables.
    await client.query("ANALYZE");
  } finally {
    await client.end();
    sqlite.close();
  }
}

/**
 * Times `pages` on PostgreSQL with the seeded data of `large` and compares each with its SQLite time from this
 * run (`sqliteTimes`, median ms). Returns a verdict row per page, or none (with the reason printed) when
 * PostgreSQL is not installed.
 */
export async function benchPostgres(large: Seeded, sqliteTimes: Map<string, number>, pages: PageCase[], env: Record<string, string>, say: (s: string) => void): Promise<Verdict[]> {
  if (!postgresBinaries()) {
    say("PostgreSQL is not installed (apt-get install -y postgresql): no PostgreSQL rows in this run");
    return [];
  }
  const cluster = await startCluster({ durable: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hsm-console-bench-pg-"));
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const t = performance.now();
    psql(cluster, "CREATE DATABASE console");
    const url = cluster.url("console");
    execFileSync(process.execPath, ["scripts/migrate.mjs"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
    await copyInto(large.file, url);
    say(`copied ${large.users.toLocaleString("en")} users / ${large.events.toLocaleString("en")} events into PostgreSQL in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    server = await startServer(path.join(dataDir, "unused.db"), { ...env, DATABASE_URL: url, DATA_DIR: dataDir });
    const cookie = await browserSessionCookie(server.url);
    const times = new Map<string, number>();
    for (let i = 0; i < 3; i++) for (const [k, v] of await timePages(server.url, cookie, pages, 5)) times.set(k, Math.min(times.get(k) ?? Infinity, v));
    say("PostgreSQL beside SQLite, median ms at the large size:");
    const rows: Verdict[] = [];
    for (const p of pages) {
      const onSqlite = sqliteTimes.get(p.name)!;
      const onPostgres = times.get(p.name)!;
      say(`  ${p.name.padEnd(28)} SQLite ${onSqlite.toFixed(2).padStart(7)}  PostgreSQL ${onPostgres.toFixed(2).padStart(7)} ms  (×${(onPostgres / onSqlite).toFixed(2)})`);
      rows.push(atMost(`12. ${p.name}, ${large.users / 1000}k users: PostgreSQL vs SQLite`, `${onPostgres.toFixed(2)} vs ${onSqlite.toFixed(2)} ms`, onPostgres / onSqlite, 3));
    }
    return rows;
  } finally {
    await server?.stop();
    cluster.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
