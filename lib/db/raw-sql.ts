import "server-only";
import { db, type Tx } from "./client";

// The console's only raw SQL, kept portable (SQLite and PostgreSQL): where one pass over a table beats the
// many index scans Prisma's separate counts would make (docs/decisions/0021), and where one statement must
// both lock and read (decision 0103).

export type UserTallies = {
  adminsWithoutMfa: number; adminsWithMfa: number; cryptoWithoutMfa: number; cryptoWithMfa: number;
  locked: number; weakKeys: number; oldKeys: number; neverSignedIn: number; quorumKeyAdmins: number;
};

/**
 * Every count of the overview in one pass over the cluster's users. Each CASE is the SQL twin of a
 * `userWhere` filter (lib/users/list.ts); lib/overview/overview.test.ts checks each against its list.
 */
export async function userTallies(clusterId: string, strongKeyBits: number, keysOlderThan: Date): Promise<UserTallies> {
  const [row] = await db.$queryRaw<Record<keyof UserTallies, bigint | number>[]>`
    SELECT
      COUNT(CASE WHEN "role" = 'admin' AND "mfaFingerprint" IS NULL THEN 1 END) AS "adminsWithoutMfa",
      COUNT(CASE WHEN "role" = 'admin' AND "mfaFingerprint" IS NOT NULL THEN 1 END) AS "adminsWithMfa",
      COUNT(CASE WHEN "role" = 'crypto-user' AND "mfaFingerprint" IS NULL THEN 1 END) AS "cryptoWithoutMfa",
      COUNT(CASE WHEN "role" = 'crypto-user' AND "mfaFingerprint" IS NOT NULL THEN 1 END) AS "cryptoWithMfa",
      COUNT(CASE WHEN "locked" = ${true} THEN 1 END) AS "locked",
      COUNT(CASE WHEN "mfaKeyBits" < ${strongKeyBits} OR "quorumKeyBits" < ${strongKeyBits} THEN 1 END) AS "weakKeys",
      COUNT(CASE WHEN "mfaRegisteredAt" < ${keysOlderThan} OR "quorumRegisteredAt" < ${keysOlderThan} THEN 1 END) AS "oldKeys",
      COUNT(CASE WHEN "lastLoginAt" IS NULL THEN 1 END) AS "neverSignedIn",
      COUNT(CASE WHEN "role" = 'admin' AND "quorumFingerprint" IS NOT NULL THEN 1 END) AS "quorumKeyAdmins"
    FROM "User" WHERE "clusterId" = ${clusterId}`;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as UserTallies;
}

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
 * first; lib/audit/export.test.ts checks it against the Prisma query. Times are compared as the SQLite
 * adapter stores them (ISO 8601 text with +00:00).
 */
export function auditExportSql(f: AuditSqlFilters): { sql: string; params: unknown[] } {
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
  const columns = AUDIT_EXPORT_COLUMNS.map((c) => `"${c}"`).join(", ");
  return { sql: `SELECT ${columns} FROM "AuditEvent" WHERE ${where.join(" AND ")} ORDER BY "seq" DESC`, params };
}
