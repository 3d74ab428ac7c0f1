// Applies pending migrations to the configured database (offline: Prisma's wasm schema engine): the SQLite
// file, or the PostgreSQL database with its own migrations folder (prisma/postgresql, decision 0101).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
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
    env = { ...process.env, DATABASE_URL: `file:${file}` };
  } else {
    args = [...args, "--config", "prisma.postgresql.config.ts"];
    const preload = `--require ${path.join(root, "scripts", "unref-long-timers.cjs")}`;
    env = { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, preload].filter(Boolean).join(" ") };
  }
  const out = execFileSync(process.execPath, args, { cwd: root, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (!quiet) {
    const applied = /following migration\(s\) have been applied/.test(out);
    console.log(applied ? "Database migrations applied." : "Database schema is up to date.");
  }
  return databaseLabel();
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
