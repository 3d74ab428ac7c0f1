import "server-only";
import { runOperation } from "../audit/operation";
import { db } from "../db/client";
import { now } from "../clock";
import type { Ctx } from "./actor";
import { authorize } from "./guard";

/** `logout`: ends the session that asks. */
export async function logout(ctx: Ctx): Promise<null> {
  return runOperation(ctx, "logout", async (audit) => {
    const actor = authorize(ctx, "logout", { roles: ["admin", "crypto-user"] });
    audit.target = actor.username;
    return db.$transaction(async (tx) => {
      await tx.session.updateMany({ where: { id: actor.sessionId, revokedAt: null }, data: { revokedAt: now() } });
      await audit.success(tx);
      return null;
    });
  });
}
