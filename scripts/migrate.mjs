// Applies pending migrations to the configured SQLite file (offline: Prisma's wasm schema engine).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function databaseFile() {
  const url = process.env.DATABASE_URL?.trim() || "file:./data/console.db";
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be a SQLite file URL (file:./data/console.db); got another kind.`);
  return path.resolve(process.cwd(), url.slice(5));
}

export function migrate({ quiet = false } = {}) {
  const file = databaseFile();
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const prisma = path.join(root, "node_modules", "prisma", "build", "index.js");
  const out = execFileSync(process.execPath, [prisma, "migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: `file:${file}` }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (!quiet) {
    const applied = /following migration\(s\) have been applied/.test(out);
    console.log(applied ? "Database migrations applied." : "Database schema is up to date.");
  }
  return file;
}

/**
 * Why the database cannot be written (read-only or full storage, a folder that cannot hold a journal), or
 * null when it can. Makes a change and rolls it back: nothing is left behind.
 */
export async function writeProblem(file = databaseFile()) {
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
