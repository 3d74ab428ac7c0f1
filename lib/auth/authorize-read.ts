import "server-only";
import { recordAudit } from "../audit/record";
import { db } from "../db/client";
import { OpError } from "../errors";
import { logUnexpected } from "../log";
import type { Actor, Ctx } from "./actor";
import { authorize, type Permission } from "./guard";

/**
 * `authorize` for reads, which run outside `runOperation`: a signed-in user refused a read (a crypto user
 * asking for the audit log, say) leaves a failure event, so probing shows in the log as writes do.
 */
export async function authorizeRead(ctx: Ctx, operation: string, permission: Permission): Promise<Actor> {
  try {
    return authorize(ctx, operation, permission);
  } catch (e) {
    if (e instanceof OpError && e.status === 403 && ctx.actor) {
      await recordAudit(db, { clusterId: ctx.actor.clusterId, actor: ctx.actor, operation, outcome: "failure", error: e.message, meta: ctx.meta }).catch((err) =>
        logUnexpected(`audit of refused ${operation}`, err),
      );
    }
    throw e;
  }
}
