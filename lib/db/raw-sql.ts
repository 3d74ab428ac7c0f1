import "server-only";
import { db, type Tx } from "./client";

// The console's raw SQL, in one place: where one statement must both lock and read (decision 0103), Prisma's
// own tables, and the audit export's query for the bulk reader (decision 0093). The overview's counts are kept
// by triggers that the migrations define (decision 0094).

/** Names of the migrations Prisma recorded as applied (its own table; no model maps it). Used by /readyz. */
export async function appliedMigrations(): Promise<string[]> {
  const rows = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`;
  return rows.map((r) => r.migration_name);
}

/**
 * Takes the next number of an audit chain and returns it with the hash to chain to, in one statement that
 * locks the chain's head row until the transaction ends: a new chain starts at 1 on the genesis hash, an
 * existing one moves up by one. Two writers on any instances never read the same head, so the chain never
 * forks, and it never fails on a new chain's first two events arriving together (an INSERT that loses the
 * race waits, then updates). SQLite (3.35+) and PostgreSQL take the same SQL.
 */
export async function takeChainLink(tx: Tx, chain: string, genesisHash: string): Promise<{ seq: number; prevHash: string }> {
  const [row] = await tx.$queryRaw<{ seq: number | bigint; hash: string }[]>`
    INSERT INTO "AuditChainHead" ("chain", "seq", "hash") VALUES (${chain}, 1, ${genesisHash})
    ON CONFLICT ("chain") DO UPDATE SET "seq" = "AuditChainHead"."seq" + 1
    RETURNING "seq", "hash"`;
  return { seq: Number(row.seq), prevHash: row.hash };
}

export type AuditSqlFilters = { chain: string; actor?: string; target?: string; operation?: string; outcome?: string; from?: Date; before?: Date };

export const AUDIT_EXPORT_COLUMNS = [
  "seq", "id", "createdAt", "actorUsername", "actorRole", "operation", "target", "outcome", "error", "ip", "userAgent", "before", "after", "prevHash", "hash",
] as const;

/**
 * The audit export's query for lib/db/bulk-read.ts: the SQL twin of `auditWhere` (lib/audit/list.ts), newest
 * first; lib/audit/list.test.ts checks it against the Prisma query. Times are compared as the SQLite
 * adapter stores them (ISO 8601 text with +00:00).
 */
export function auditExportSql(f: AuditSqlFilters, select = AUDIT_EXPORT_COLUMNS.map((c) => `"${c}"`).join(", "), paged = false): { sql: string; params: unknown[] } {
  const where = ['"chain" = ?'];
  const params: unknown[] = [f.chain];
  const add = (column: string, op: string, value: unknown) => (where.push(`"${column}" ${op} ?`), params.push(value));
  if (f.actor) add("actorUsername", "=", f.actor);
  if (f.target) add("target", "=", f.target);
  if (f.operation) add("operation", "=", f.operation);
  if (f.outcome) add("outcome", "=", f.outcome);
  const stored = (d: Date) => d.toISOString().replace("Z", "+00:00");
  if (f.from) add("createdAt", ">=", stored(f.from));
  if (f.before) add("createdAt", "<", stored(f.before));
  // Paged: two more parameters, the number to stay below and the page size (keyset paging).
  if (paged) where.push('"seq" < ?');
  return { sql: `SELECT ${select} FROM "AuditEvent" WHERE ${where.join(" AND ")} ORDER BY "seq" DESC${paged ? " LIMIT ?" : ""}`, params };
}

/**
 * Columns only the console writes, from a closed set of characters (numbers, ids, hex hashes, role, operation
 * and outcome names, validated usernames): nothing to quote or defuse, so SQLite skips that work.
 */
const CONSOLE_MADE = new Set<string>(["seq", "id", "actorUsername", "actorRole", "operation", "outcome", "prevHash", "hash"]);

/** One CSV cell in SQLite's SQL, exactly as `csvCell` (lib/reports/csv.ts) writes it: quoted, quotes doubled, a formula defused. */
const csvCellSql = (x: string) =>
  `CASE WHEN ${x} IS NULL THEN '""' ELSE '"' || replace(CASE WHEN substr(${x}, 1, 1) IN ('=', '+', '-', '@', char(9), char(13)) THEN '''' || ${x} ELSE ${x} END, '"', '""') || '"' END`;

/** The stored time ("…+00:00", as the SQLite adapter writes it) as the API's ISO 8601 "…Z". */
const isoTimeSql = (x: string) => `CASE WHEN length(${x}) = 29 AND substr(${x}, 24) = '+00:00' THEN substr(${x}, 1, 23) || 'Z' ELSE strftime('%Y-%m-%dT%H:%M:%fZ', ${x}) END`;

/**
 * The audit export as CSV made by SQLite itself (decision 0093), a page of lines a row: `text` (the lines'
 * bytes, ends included), `last` (the page's lowest number, where the next page starts) and `n` (its lines). The
 * columns are AUDIT_EXPORT_COLUMNS in order; the stored before/after texts are the JSON the export writes.
 * lib/audit/list.test.ts checks the result against the CSV the generic writer makes from the same events.
 */
export function auditExportCsvSql(f: AuditSqlFilters): { sql: string; params: unknown[] } {
  const cells = AUDIT_EXPORT_COLUMNS.map((c) =>
    c === "createdAt" ? `'"' || ${isoTimeSql(`"${c}"`)} || '"'` : CONSOLE_MADE.has(c) ? `'"' || coalesce("${c}", '') || '"'` : csvCellSql(`"${c}"`),
  );
  const page = auditExportSql(f, `"seq", ${cells.join(" || ',' || ")} || char(13, 10) AS "line"`, true);
  // The page as bytes: it goes to the client as SQLite wrote it, never decoded into a JavaScript string.
  return { sql: `SELECT CAST(group_concat("line", '' ORDER BY "seq" DESC) AS BLOB) AS "text", min("seq") AS "last", count(*) AS "n" FROM (${page.sql})`, params: page.params };
}
