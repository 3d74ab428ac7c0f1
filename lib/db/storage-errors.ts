import "server-only";
import { inspect } from "node:util";
import { OpError } from "../errors";
import { recentCommitFailure } from "./one-at-a-time";

// The database refused a write because of where it lives, not what was asked: a read-only or full disk,
// a data folder that cannot hold a journal. Reads still work; every change is refused with this message.

const SQLITE_STORAGE = /^SQLITE_(READONLY|FULL|CANTOPEN|IOERR)/;
// PostgreSQL: read-only transaction (25006), disk full (53100), out of memory/resources (53xxx).
const POSTGRES_STORAGE = /^(25006|53\d{3})$/;

export const STORAGE_MESSAGE =
  "The console's database cannot be written right now: its storage is read-only or full. Nothing was changed. " +
  "Reading still works; tell whoever runs the console (the server log says more).";

/**
 * The driver's code, wherever Prisma puts it: on the error itself (SQLite), or on the driver adapter error's
 * cause, bare (PostgreSQL, inside an interactive transaction) or wrapped in a known request error's meta.
 */
function driverCodes(e: unknown): string[] {
  const err = e as { code?: unknown; cause?: { code?: unknown; originalCode?: unknown }; meta?: { driverAdapterError?: { cause?: { code?: unknown; originalCode?: unknown } } } } | null;
  const causes = [err?.cause, err?.meta?.driverAdapterError?.cause];
  return [err?.code, ...causes.flatMap((c) => [c?.code, c?.originalCode])].filter((c): c is string => typeof c === "string");
}

const SQLITE_STORAGE_TEXT = /SQLITE_(READONLY|FULL|CANTOPEN|IOERR)/;

export function isStorageError(e: unknown): boolean {
  if (driverCodes(e).some((code) => SQLITE_STORAGE.test(code) || POSTGRES_STORAGE.test(code))) return true;
  // A COMMIT the disk refused, reported by Prisma as a transaction already closed (see recentCommitFailure).
  const failed = /Transaction already closed/.test(String((e as Error | null)?.message)) ? recentCommitFailure() : undefined;
  return failed !== undefined && SQLITE_STORAGE_TEXT.test(inspect(failed, { depth: 4 }));
}

export const storageRefusal = () => new OpError(503, STORAGE_MESSAGE, { auditReason: "storage not writable" });
