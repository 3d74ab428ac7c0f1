import path from "node:path";

// The embedded default lives in ./data; DATABASE_URL (file:...) moves it, and a postgresql:// URL selects
// PostgreSQL for several instances (docs/decisions/0101).
export const DEFAULT_DATABASE_URL = "file:./data/console.db";

export type DatabaseKind = "sqlite" | "postgresql";

export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function databaseKind(url = databaseUrl()): DatabaseKind {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must be a SQLite file URL like ${DEFAULT_DATABASE_URL} or a PostgreSQL URL like postgresql://user@host:5432/console; got a URL of another kind.`);
}

/** The SQLite file; PostgreSQL has none, and whatever needs a file (backup, restore) says so in words. */
export function databaseFile(): string {
  const url = databaseUrl();
  if (databaseKind(url) !== "sqlite") {
    throw new Error("DATABASE_URL names a PostgreSQL database: there is no database file. Back up and restore PostgreSQL with pg_dump and pg_restore.");
  }
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), url.slice("file:".length));
}

/**
 * Where the console keeps its files (the generated auth secret, audit checkpoints and archives). Beside the
 * SQLite file by default; on PostgreSQL ./data unless DATA_DIR says otherwise.
 */
export function dataDirectory(): string {
  if (process.env.DATA_DIR?.trim()) return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR);
  return databaseKind() === "sqlite" ? path.dirname(databaseFile()) : path.resolve(/*turbopackIgnore: true*/ process.cwd(), "data");
}
