import "server-only";
import type { Actor, RequestMeta } from "../auth/actor";
import type { Db } from "../db/client";
import { now } from "../clock";

export type AuditEntry = {
  clusterId?: string | null;
  actor?: Pick<Actor, "userId" | "username" | "role"> | null;
  operation: string;
  target?: string | null;
  outcome: "success" | "failure";
  error?: string | null;
  meta: RequestMeta;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/** Appends one audit event. Callers pass only non-secret fields; passwords and keys' private halves never come here. */
export async function recordAudit(client: Db, e: AuditEntry): Promise<void> {
  await client.auditEvent.create({
    data: {
      createdAt: now(),
      clusterId: e.clusterId ?? null,
      actorUserId: e.actor?.userId ?? null,
      actorUsername: e.actor?.username ?? null,
      actorRole: e.actor?.role ?? null,
      operation: e.operation,
      target: e.target ?? null,
      outcome: e.outcome,
      error: e.error ?? null,
      ip: e.meta.ip,
      userAgent: e.meta.userAgent,
      before: e.before ? JSON.stringify(e.before) : null,
      after: e.after ? JSON.stringify(e.after) : null,
    },
  });
}
