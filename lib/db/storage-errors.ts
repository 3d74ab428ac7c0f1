import "server-only";
import { OpError } from "../errors";

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

export function isStorageError(e: unknown): boolean {
  return driverCodes(e).some((code) => SQLITE_STORAGE.test(code) || POSTGRES_STORAGE.test(code));
}

export const storageRefusal = () => new OpError(503, STORAGE_MESSAGE, { auditReason: "storage not writable" });
