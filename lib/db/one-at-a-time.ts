import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { Mutex } from "async-mutex";

/**
 * Puts every statement on SQLite's one connection through one queue. The better-sqlite3 adapter locks only
 * transactions: a plain query made while an interactive transaction is open ran inside it, so it saw that
 * transaction's uncommitted rows and was erased by its rollback after being acknowledged. Here a query
 * outside a transaction waits for the open transaction to end, and a transaction waits for the query in
 * flight. docs/decisions/0030.
 */
export function oneAtATime(inner: SqlDriverAdapterFactory, pragmas: string[] = []): SqlDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const adapter = await inner.connect();
      // A database on read-only storage cannot switch its journal; it is still served for reads (0034).
      for (const pragma of pragmas) await adapter.executeScript(`PRAGMA ${pragma}`).catch(() => undefined);
      return queued(adapter);
    },
  };
}

/** What a statement did, for tests that compare the database work of two paths (not used in serving). */
export type StatementTrace = { sql: string; rows: number };
let tracer: ((t: StatementTrace) => void) | undefined;

/**
 * The last COMMIT that failed, for a moment. Under WAL a read-only or full disk refuses a write only at COMMIT;
 * Prisma then tries to roll back a transaction it counts as closed and reports that instead of the cause, so
 * lib/db/storage-errors.ts looks here for it.
 */
let failedCommit: { error: unknown; at: number } | undefined;
export const recentCommitFailure = (): unknown => (failedCommit && Date.now() - failedCommit.at < 5_000 ? failedCommit.error : undefined);

export function traceStatements(fn: ((t: StatementTrace) => void) | undefined): void {
  tracer = fn;
}

async function traced<T extends { rows: unknown[] } | number>(sql: string, run: () => Promise<T>): Promise<T> {
  const result = await run();
  tracer?.({ sql, rows: typeof result === "number" ? result : result.rows.length });
  return result;
}

function queued(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const lock = new Mutex();
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (q: SqlQuery) => lock.runExclusive(() => traced(q.sql, () => adapter.queryRaw(q))),
    executeRaw: (q: SqlQuery) => lock.runExclusive(() => traced(q.sql, () => adapter.executeRaw(q))),
    executeScript: (script: string) => lock.runExclusive(() => adapter.executeScript(script)),
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      const release = await lock.acquire();
      try {
        return holding(await adapter.startTransaction(isolationLevel), release);
      } catch (e) {
        release();
        throw e;
      }
    },
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => lock.runExclusive(() => adapter.dispose()),
  };
}

/**
 * A transaction that keeps the queue until it commits or rolls back. Prisma sends COMMIT as a statement and
 * then calls commit(); when that statement fails (SQLITE_BUSY, a full disk) it calls neither commit() nor
 * rollback(), which would hold the connection inside the transaction for ever: roll back and let go.
 */
function holding(tx: Transaction, release: () => void): Transaction {
  let released = false;
  const end = async (how: () => Promise<void>) => {
    try {
      await how();
    } finally {
      if (!released) {
        released = true;
        release();
      }
    }
  };
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (q: SqlQuery) => traced(q.sql, () => tx.queryRaw(q)),
    async executeRaw(q: SqlQuery) {
      if (!/^\s*COMMIT\b/i.test(q.sql)) return traced(q.sql, () => tx.executeRaw(q));
      try {
        return await tx.executeRaw(q);
      } catch (e) {
        failedCommit = { error: e, at: Date.now() };
        await end(async () => {
          await tx.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).catch(() => undefined);
          await tx.rollback();
        });
        throw e;
      }
    },
    commit: () => end(() => tx.commit()),
    rollback: () => end(() => tx.rollback()),
  };
}
