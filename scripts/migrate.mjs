// Applies pending migrations to the configured database (offline: Prisma's wasm schema engine): the SQLite
// file, or the PostgreSQL database with its own migrations folder (prisma/postgresql, decision 0101).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const databaseUrl = () => process.env.DATABASE_URL?.trim() || "file:./data/console.db";

/** "sqlite" or "postgresql", from DATABASE_URL; anything else stops with what it must look like. */
export function databaseKind(url = databaseUrl()) {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error("DATABASE_URL must be a SQLite file URL (file:./data/console.db) or a PostgreSQL URL (postgresql://user@host:5432/console); got another kind.");
}

export function databaseFile() {
  const url = databaseUrl();
  if (databaseKind(url) !== "sqlite") throw new Error("DATABASE_URL names a PostgreSQL database: there is no database file.");
  return path.resolve(process.cwd(), url.slice(5));
}

/** Where the database is, for messages: the file, or the PostgreSQL server and database without the password. */
export function databaseLabel() {
  if (databaseKind() === "sqlite") return databaseFile();
  const u = new URL(databaseUrl());
  return `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
}

/**
 * Runs `prisma migrate deploy`. On PostgreSQL several instances may start at once: Prisma takes an advisory
 * lock for the run, so one applies the migrations and the others find them applied.
 */
export function migrate({ quiet = false } = {}) {
  const prisma = path.join(root, "node_modules", "prisma", "build", "index.js");
  let env = process.env;
  let args = [prisma, "migrate", "deploy"];
  if (databaseKind() === "sqlite") {
    const file = databaseFile();
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    if (upToDate(file)) {
      if (!quiet) console.log("Database schema is up to date.");
      return databaseLabel();
    }
    env = { ...process.env, DATABASE_URL: `file:${file}` };
  } else {
    args = [...args, "--config", "prisma.postgresql.config.ts"];
    const preload = `--require ${path.join(root, "scripts", "unref-long-timers.cjs")}`;
    env = { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, preload].filter(Boolean).join(" ") };
  }
  let out;
  try {
    out = execFileSync(process.execPath, args, { cwd: root, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    // Prisma's schema engine opens SQLite in exclusive locking mode, which a WAL database open elsewhere refuses.
    if (databaseKind() === "sqlite" && /SocketTimeout|database is locked|SQLITE_BUSY/.test(String(e.stderr))) {
      throw new Error(`New database migrations must be applied, and ${databaseFile()} is open in another process (a running console?). Stop it, then run this again: the console applies them when it starts.`);
    }
    throw e;
  }
  if (!quiet) {
    const applied = /following migration\(s\) have been applied/.test(out);
    console.log(applied ? "Database migrations applied." : "Database schema is up to date.");
  }
  return databaseLabel();
}

/**
 * Whether every migration in prisma/migrations is recorded as applied in the SQLite file. Read directly, so a
 * database that a running server holds can be checked: Prisma's schema engine would need it to itself (it
 * takes SQLite's exclusive locking mode, which a WAL database open elsewhere refuses, decision 0090).
 */
function upToDate(file) {
  if (!fs.existsSync(file)) return false;
  const folder = path.join(root, "prisma", "migrations");
  const wanted = fs.readdirSync(folder, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  const Database = createRequire(import.meta.url)("better-sqlite3");
  let db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
    const rows = db.prepare(`SELECT "migration_name" AS name, "finished_at" AS finished, "rolled_back_at" AS rolledBack FROM "_prisma_migrations"`).all();
    if (rows.some((r) => !r.finished && !r.rolledBack)) return false; // a failed migration: let Prisma say so
    const applied = new Set(rows.filter((r) => r.finished && !r.rolledBack).map((r) => r.name));
    return wanted.every((name) => applied.has(name));
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/**
 * Why the SQLite database cannot be written (read-only or full storage, a folder that cannot hold a journal),
 * or null when it can. Makes a change and rolls it back: nothing is left behind. PostgreSQL's server owns its
 * storage: a refused write there surfaces per request (lib/db/storage-errors.ts) and on /readyz.
 */
export async function writeProblem(file = databaseKind() === "sqlite" ? databaseFile() : null) {
  if (!file) return null;
  const { default: Database } = await import("better-sqlite3");
  let db;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 5000 });
    db.exec("BEGIN IMMEDIATE; CREATE TABLE console_write_probe (x); ROLLBACK;");
    return null;
  } catch (e) {
    return `${e.code ?? "error"}: ${e.message}`;
  } finally {
    db?.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) migrate();
