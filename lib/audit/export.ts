import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/actor";
import { authorize } from "../auth/guard";
import { now } from "../clock";
import { db } from "../db/client";
import { batches, rowStream, type Column } from "../reports/stream";
import { parseInput } from "../validation";
import { auditFiltersSchema, auditWhere, toApiEvent, type ApiEvent } from "./list";
import { runOperation } from "./operation";

const exportSchema = auditFiltersSchema.extend({ format: z.enum(["csv", "json"], { error: "Choose format=csv or format=json." }) });

const columns: readonly Column<ApiEvent>[] = (
  ["seq", "id", "time", "actor", "actor_role", "operation", "target", "outcome", "error", "ip", "user_agent", "before", "after", "prev_hash", "hash"] as const
).map((key) => [key, (e: ApiEvent) => e[key]] as const);

// Rows a query: fewer, larger queries cost less (each is compiled), and 5,000 events are about 2 MB.
const BATCH = 5000;

/** `audit export` (admins): every event that matches the filters, newest first, streamed as CSV or JSON. */
export async function exportAudit(ctx: Ctx, input: unknown) {
  return runOperation(ctx, "audit export", async (audit) => {
    const actor = authorize(ctx, "audit export", { roles: ["admin"] });
    const { format, ...filters } = parseInput(exportSchema, input);
    const where = auditWhere(actor.clusterId, filters);
    await audit.success(db, { after: { format, filters } });
    const rows = batches(
      async (before: number | undefined) =>
        (await db.auditEvent.findMany({ where: before ? { AND: [where, { seq: { lt: before } }] } : where, orderBy: { seq: "desc" }, take: BATCH })).map(toApiEvent),
      (e) => e.seq,
      BATCH,
    );
    const generatedAt = now().toISOString();
    const stream = rowStream(rows, format, columns, { key: "events", head: { cluster_id: actor.clusterId, generated_at: generatedAt, filters } });
    return { stream, format, filename: `audit-${actor.clusterId}-${generatedAt.slice(0, 10)}` };
  });
}
