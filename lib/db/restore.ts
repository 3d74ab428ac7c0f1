import "server-only";
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { checkConsoleDatabase } from "./backup";

const SIDE_FILES = ["-journal", "-wal", "-shm"];

/**
 * Puts a backup in place of the database file. The caller has checked that no server holds it. What was
 * there is moved aside (never deleted), with any journal, which SQLite would otherwise replay onto the
 * restored file.
 */
export async function restoreDatabase(from: string, target: string, stamp = new Date().toISOString().replace(/[:.]/g, "-")): Promise<{ movedAside: string[] }> {
  checkConsoleDatabase(from);
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const incoming = `${target}.restoring`;
  fs.rmSync(incoming, { force: true });
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(incoming, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const movedAside: string[] = [];
  for (const file of [target, ...SIDE_FILES.map((s) => target + s)]) {
    if (!fs.existsSync(file)) continue;
    const aside = `${file}.before-restore-${stamp}`;
    fs.renameSync(file, aside);
    movedAside.push(aside);
  }
  fs.renameSync(incoming, target);
  return { movedAside };
}
