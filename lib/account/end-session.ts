import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/actor";
import { authorize } from "../auth/guard";
import { runOperation } from "../audit/operation";
import { now } from "../clock";
import { db } from "../db/client";
import { OpError } from "../errors";
import { parseInput } from "../validation";

export const endSessionSchema = z.strictObject({
  session_id: z.string({ error: "Give the session_id to end." }).trim().min(1, "Give the session_id to end.").max(64, "That is not a session id."),
});

/**
 * `session end`: ends one of the caller's own sessions (a browser left signed in elsewhere, an API token).
 * Someone else's session id is answered exactly like an unknown one, so ids cannot be probed.
 */
export async function endOwnSession(ctx: Ctx, input: unknown): Promise<{ session_id: string }> {
  return runOperation(ctx, "session end", async (audit) => {
    const actor = authorize(ctx, "session end", { roles: ["admin", "crypto-user"] });
    audit.target = actor.username;
    const { session_id } = parseInput(endSessionSchema, input);
    if (session_id === actor.sessionId) throw new OpError(409, "This is the session you are using now; sign out to end it.");
    return db.$transaction(async (tx) => {
      const session = await tx.session.findFirst({ where: { id: session_id, userId: actor.userId, clusterId: actor.clusterId, revokedAt: null } });
      if (!session) throw new OpError(404, "You have no open session with that id; it may have ended already.");
      await tx.session.update({ where: { id: session.id }, data: { revokedAt: now() } });
      await audit.success(tx, {
        before: { session: session.id, kind: session.kind, ip: session.ip, revoked_at: null },
        after: { revoked_at: now() },
      });
      return { session_id: session.id };
    });
  });
}
