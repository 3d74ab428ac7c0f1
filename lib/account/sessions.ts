import "server-only";
import type { Ctx } from "../auth/actor";
import { authorize } from "../auth/guard";
import { chainOf } from "../audit/chain";
import { now } from "../clock";
import { db } from "../db/client";
import { settings } from "../settings";

/** The signed-in user's sessions that still work (browser and API), newest first; `current` is this one. */
export async function mySessions(ctx: Ctx) {
  const actor = authorize(ctx, "session list", { roles: ["admin", "crypto-user"] });
  const at = now();
  const rows = await db.session.findMany({
    where: {
      userId: actor.userId,
      clusterId: actor.clusterId,
      revokedAt: null,
      expiresAt: { gt: at },
      lastSeenAt: { gt: new Date(at.getTime() - settings().SESSION_IDLE_MINUTES * 60_000) },
    },
    select: { id: true, kind: true, createdAt: true, lastSeenAt: true, expiresAt: true, ip: true, userAgent: true },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((s) => ({ ...s, current: s.id === actor.sessionId }));
}

/** The user's latest sign-in attempts, from the audit log: successes and failures alike. */
export async function mySignIns(ctx: Ctx, take = 10) {
  const actor = authorize(ctx, "session list", { roles: ["admin", "crypto-user"] });
  return db.auditEvent.findMany({
    where: { chain: chainOf(actor.clusterId), target: actor.username, operation: { startsWith: "login" } },
    select: { seq: true, createdAt: true, operation: true, outcome: true, error: true, ip: true, userAgent: true },
    orderBy: { seq: "desc" },
    take,
  });
}
