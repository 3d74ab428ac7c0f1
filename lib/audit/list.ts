import "server-only";
import { z } from "zod";
import type { Prisma } from "@prisma/client";
import type { Ctx } from "../auth/actor";
import { authorizeRead } from "../auth/authorize-read";
import { db } from "../db/client";
import { OpError } from "../errors";
import { parseInput } from "../validation";
import { chainOf } from "./chain";

const day = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Give the ${what} date as YYYY-MM-DD (UTC).`)
    .refine((s) => new Date(Date.parse(`${s}T00:00:00Z`) || 0).toISOString().startsWith(s), `The ${what} date is not a real date.`)
    .optional()
    .or(z.literal("").transform(() => undefined));

const text = (max: number, what: string) => z.string().trim().max(max, `${what} has at most ${max} characters.`).optional().transform((s) => s || undefined);

export const auditFiltersSchema = z.strictObject({
  actor: text(31, "A username").transform((s) => s?.toLowerCase()),
  target: text(100, "A target"),
  operation: text(64, "An operation"),
  outcome: z.enum(["success", "failure", ""], { error: "Outcome is success or failure." }).optional().transform((s) => s || undefined),
  from: day("start"),
  to: day("end"),
});

export const listAuditSchema = auditFiltersSchema.extend({
  cursor: z.coerce.number({ error: "cursor must be a number from next_cursor." }).int().min(1, "cursor must be a number from next_cursor.").optional(),
  limit: z.coerce.number({ error: "limit must be a number." }).int().min(1, "limit is 1 to 200.").max(200, "limit is 1 to 200.").default(50),
});

export type AuditFilters = z.output<typeof auditFiltersSchema>;

/** The filters' days as instants: from the start of `from` to before the day after `to` (UTC). */
export function auditRange(f: AuditFilters): { from?: Date; before?: Date } {
  if (f.from && f.to && f.from > f.to) {
    throw new OpError(400, "The start date is after the end date.", { fieldErrors: { from: ["The start date is after the end date."] } });
  }
  return {
    ...(f.from ? { from: new Date(`${f.from}T00:00:00Z`) } : {}),
    ...(f.to ? { before: new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000) } : {}),
  };
}

/** The filters as a query, always inside the actor's own cluster chain. Dates are whole UTC days, both included. */
export function auditWhere(clusterId: string, f: AuditFilters): Prisma.AuditEventWhereInput {
  const range = auditRange(f);
  const createdAt = { ...(range.from ? { gte: range.from } : {}), ...(range.before ? { lt: range.before } : {}) };
  return {
    chain: chainOf(clusterId),
    ...(f.actor ? { actorUsername: f.actor } : {}),
    ...(f.target ? { target: f.target } : {}),
    ...(f.operation ? { operation: f.operation } : {}),
    ...(f.outcome ? { outcome: f.outcome } : {}),
    ...(f.from || f.to ? { createdAt } : {}),
  };
}

type EventRow = Awaited<ReturnType<typeof db.auditEvent.findFirstOrThrow>>;

const parsed = (s: string | null) => (s ? (JSON.parse(s) as Record<string, unknown>) : null);

/** An event as the API, the exports and the detail page show it. */
export function toApiEvent(e: EventRow) {
  return {
    seq: e.seq,
    id: e.id,
    time: e.createdAt.toISOString(),
    actor: e.actorUsername,
    actor_role: e.actorRole,
    operation: e.operation,
    target: e.target,
    outcome: e.outcome,
    error: e.error,
    ip: e.ip,
    user_agent: e.userAgent,
    before: parsed(e.before),
    after: parsed(e.after),
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}

export type ApiEvent = ReturnType<typeof toApiEvent>;

/** The audit log (admins): newest first, one page at a time; `next_cursor` fetches the page after. */
export async function listAudit(ctx: Ctx, input: unknown) {
  const actor = await authorizeRead(ctx, "audit list", { roles: ["admin"] });
  const { cursor, limit, ...filters } = parseInput(listAuditSchema, input);
  const where = auditWhere(actor.clusterId, filters);
  const rows = await db.auditEvent.findMany({
    where: cursor ? { AND: [where, { seq: { lt: cursor } }] } : where,
    orderBy: { seq: "desc" },
    take: limit + 1,
  });
  const more = rows.length > limit;
  const events = rows.slice(0, limit).map(toApiEvent);
  return { events, filters, ...(more ? { next_cursor: events[events.length - 1].seq } : {}) };
}

/** One event of the actor's cluster, by its number in the chain. */
export async function getAuditEvent(ctx: Ctx, seq: number) {
  const actor = await authorizeRead(ctx, "audit list", { roles: ["admin"] });
  const row = Number.isSafeInteger(seq) && seq > 0 ? await db.auditEvent.findUnique({ where: { chain_seq: { chain: chainOf(actor.clusterId), seq } } }) : null;
  if (!row) throw new OpError(404, `There is no audit event #${seq} in this cluster.`);
  return toApiEvent(row);
}
