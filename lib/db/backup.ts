import "server-only";
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";

/** Opens a SQLite file read-only and refuses anything that is not an intact console database. */
export function checkConsoleDatabase(file: string): void {
  let copy: Database.Database;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new Error(`${file} cannot be opened as a SQLite database (${(e as Error).message}).`);
  }
  try {
    const integrity = copy.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`${file} is damaged: SQLite's integrity check says ${String(integrity)}.`);
    const migrated = copy.prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('_prisma_migrations', 'AuditEvent')`).get() as { n: number };
    if (migrated.n !== 2) throw new Error(`${file} is a SQLite database, but not the console's (it has no migrations or audit tables).`);
  } catch (e) {
    if (e instanceof Error && e.message.startsWith(file)) throw e;
    throw new Error(`${file} is not a usable SQLite database (${(e as Error).message}).`);
  } finally {
    copy.close();
  }
}

/**
 * A consistent copy of a live database with SQLite's online backup API. The copy is made in one step
 * under one read lock (a multi-step copy restarts whenever the server writes, and under a steady stream
 * of writes might never finish); writers wait for it, within their busy timeout.
 */
export async function backupDatabase(source: string, out: string): Promise<{ pages: number; bytes: number }> {
  if (fs.existsSync(out)) throw new Error(`${out} exists already; give a new file name (a backup never overwrites).`);
  if (!fs.existsSync(path.dirname(path.resolve(out)))) throw new Error(`The folder of ${out} does not exist.`);
  const partial = `${out}.partial`;
  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    const done = await db.backup(partial, { progress: () => 0x7fffffff });
    checkConsoleDatabase(partial);
    fs.renameSync(partial, out);
    return { pages: done.totalPages, bytes: fs.statSync(out).size };
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  } finally {
    db.close();
  }
}
