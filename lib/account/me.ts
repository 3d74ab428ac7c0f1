import "server-only";
import type { Ctx } from "../auth/actor";
import { authorize } from "../auth/guard";
import { db } from "../db/client";
import { userListSelect } from "../users/view";

/** The signed-in user's own account row: role, lock state, keys by fingerprint and their dates. */
export async function myAccount(ctx: Ctx) {
  const actor = authorize(ctx, "account", { roles: ["admin", "crypto-user"] });
  return db.user.findUniqueOrThrow({ where: { id: actor.userId, clusterId: actor.clusterId }, select: userListSelect });
}
