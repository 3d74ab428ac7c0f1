import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/actor";
import { authorize } from "../auth/guard";
import { now } from "../clock";
import { bulkPages, bulkRows, canBulkRead } from "../db/bulk-read";
import { db } from "../db/client";
import { auditExportCsvSql, auditExportSql } from "../db/raw-sql";
import type { Cell } from "../reports/csv";
import { batches, csvPageStream, rowStream, type Column } from "../reports/stream";
import { parseInput } from "../validation";
import { chainOf } from "./chain";
import { auditFiltersSchema, auditRange, auditWhere, toApiEvent, type ApiEvent, type AuditFilters } from "./list";
import { runOperation } from "./operation";

const exportSchema = auditFiltersSchema.extend({ format: z.enum(["csv", "json"], { error: "Choose format=csv or format=json." }) });

const HEADERS = ["seq", "id", "time", "actor", "actor_role", "operation", "target", "outcome", "error", "ip", "user_agent", "before", "after", "prev_hash", "hash"] as const;

/** The export's columns over events; exported for the test that holds the SQL-made CSV to it. */
export const AUDIT_COLUMNS: readonly Column<ApiEvent>[] = HEADERS.map((key) => [key, (e: ApiEvent) => e[key]] as const);

/** The same columns over the bulk reader's rows (AUDIT_EXPORT_COLUMNS order) for JSON, with no object per row. */
const rawJsonColumns: readonly Column<unknown[]>[] = HEADERS.map((key, i) => {
  if (key === "time") return [key, (r: unknown[]) => storedTimeToIso(r[i])] as const;
  if (key === "before" || key === "after") return [key, (r: unknown[]) => (typeof r[i] === "string" ? (JSON.parse(r[i] as string) as Record<string, unknown>) : null)] as const;
  return [key, (r: unknown[]) => r[i] as Cell] as const;
});

/** "2026-11-30T13:15:34.123+00:00", as the SQLite adapter stores times, to the API's "…Z". */
const storedTimeToIso = (v: unknown) => (typeof v === "string" && v.length === 29 && v.endsWith("+00:00") ? `${v.slice(0, 23)}Z` : new Date(v as string).toISOString());

// Rows a chunk: about 1 MB of CSV, few enough that the event loop turns often between chunks.
const BATCH = 2000;

/** `audit export` (admins): every event that matches the filters, newest first, streamed as CSV or JSON. */
export async function exportAudit(ctx: Ctx, input: unknown) {
  return runOperation(ctx, "audit export", async (audit) => {
    const actor = authorize(ctx, "audit export", { roles: ["admin"] });
    const { format, ...filters } = parseInput(exportSchema, input);
    const where = auditWhere(actor.clusterId, filters);
    await audit.success(db, { after: { format, filters } });
    const generatedAt = now().toISOString();
    const json = { key: "events", head: { cluster_id: actor.clusterId, generated_at: generatedAt, filters } };
    const stream = !canBulkRead()
      ? rowStream(pagedEvents(where), format, AUDIT_COLUMNS, json)
      : format === "csv"
        ? csvPageStream(HEADERS, pages(auditExportCsvSql(sqlFilters(actor.clusterId, filters))))
        : rowStream(bulk(auditExportSql(sqlFilters(actor.clusterId, filters))), format, rawJsonColumns, json);
    return { stream, format, filename: `audit-${actor.clusterId}-${generatedAt.slice(0, 10)}` };
  });
}

function pagedEvents(where: ReturnType<typeof auditWhere>) {
  return batches(
    async (before: number | undefined) =>
      (await db.auditEvent.findMany({ where: before ? { AND: [where, { seq: { lt: before } }] } : where, orderBy: { seq: "desc" }, take: BATCH })).map(toApiEvent),
    (e) => e.seq,
    BATCH,
  );
}

const bulk = ({ sql, params }: { sql: string; params: unknown[] }) => bulkRows(sql, params, BATCH);
const pages = ({ sql, params }: { sql: string; params: unknown[] }) => bulkPages(sql, params, BATCH);

function sqlFilters(clusterId: string, filters: AuditFilters) {
  const { actor, target, operation, outcome } = filters;
  return { chain: chainOf(clusterId), actor, target, operation, outcome, ...auditRange(filters) };
}
