import "server-only";
import Database from "better-sqlite3";
import { setImmediate as turn } from "node:timers/promises";
import { databaseFile, databaseKind } from "./location";
import { SQLITE_BUSY_TIMEOUT_MS } from "./sqlite-settings";

// Large reads (the audit export) on SQLite: a read-only connection of their own, walked with a cursor, a
// chunk of rows at a time. Under WAL it reads one consistent snapshot and never waits for, or holds up, the
// app's writes; it bypasses Prisma, whose per-row work made a million-event export take half a minute
// (issue 9, decision 0093). The SQL it runs is built in lib/db/raw-sql.ts; other databases page with Prisma.

export const canBulkRead = () => databaseKind() === "sqlite";

/** Rows of `sql` as arrays, `chunk` at a time, yielding to the event loop between chunks. */
export async function* bulkRows(sql: string, params: unknown[], chunk: number): AsyncGenerator<unknown[][]> {
  const sqlite = new Database(databaseFile(), { readonly: true, fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    const rows = sqlite.prepare(sql).raw(true).iterate(...params) as IterableIterator<unknown[]>;
    try {
      for (;;) {
        const batch: unknown[][] = [];
        for (let r = rows.next(); !r.done; r = rows.next()) if (batch.push(r.value) === chunk) break;
        if (batch.length > 0) yield batch;
        if (batch.length < chunk) return;
        await turn();
      }
    } finally {
      rows.return?.();
    }
  } finally {
    sqlite.close();
  }
}

/**
 * Pages of a keyset query that returns one row { text, last, n } a page (`params` then the number to stay
 * below and the page size), all in one read transaction: one snapshot for the whole walk.
 */
export async function* bulkPages(sql: string, params: unknown[], size: number): AsyncGenerator<Uint8Array> {
  const sqlite = new Database(databaseFile(), { readonly: true, fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    const page = sqlite.prepare(sql);
    sqlite.exec("BEGIN");
    for (let below = Number.MAX_SAFE_INTEGER; ; ) {
      const row = page.get(...params, below, size) as { text: Uint8Array | null; last: number | null; n: number };
      if (row.n > 0 && row.text) yield row.text;
      if (row.n < size || row.last === null) return;
      below = row.last;
      await turn();
    }
  } finally {
    if (sqlite.inTransaction) sqlite.exec("COMMIT");
    sqlite.close();
  }
}
