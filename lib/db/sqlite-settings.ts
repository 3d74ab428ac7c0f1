// How the embedded SQLite database is opened, shared by the app (lib/db/client.ts), the migration runner and
// the benchmark's seeder, so each of them works on the same database the same way. docs/decisions/0090.

/** How long a statement waits for another process's lock (a backup, `audit:verify`) before it fails. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export type SqliteSync = "full" | "normal";

/**
 * WAL: readers never wait for the writer, and a commit appends to one file. `synchronous`:
 * - full (the default): every commit is fsynced to the WAL before it is acknowledged; a power cut loses nothing
 *   acknowledged.
 * - normal: commits are fsynced only at checkpoints; a power cut may lose the last acknowledged commits (never
 *   part of one: the database stays consistent and the audit chain unbroken).
 */
export function sqlitePragmas(sync: SqliteSync): string[] {
  return ["journal_mode = WAL", `synchronous = ${sync.toUpperCase()}`];
}

export function sqliteSyncSetting(env: NodeJS.ProcessEnv = process.env): SqliteSync {
  const v = env.SQLITE_SYNCHRONOUS?.trim().toLowerCase() || "full";
  if (v !== "full" && v !== "normal") throw new Error(`SQLITE_SYNCHRONOUS must be "full" or "normal"; got "${env.SQLITE_SYNCHRONOUS}".`);
  return v;
}
