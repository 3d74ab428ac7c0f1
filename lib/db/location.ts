import path from "node:path";

// The embedded default lives in ./data; DATABASE_URL (file:...) moves it.
export const DEFAULT_DATABASE_URL = "file:./data/console.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function databaseFile(): string {
  const url = databaseUrl();
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite file URL like ${DEFAULT_DATABASE_URL}; got a URL of another kind.`);
  }
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), url.slice("file:".length));
}

export function dataDirectory(): string {
  return process.env.DATA_DIR?.trim() ? path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR) : path.dirname(databaseFile());
}
