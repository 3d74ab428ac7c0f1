import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { userListSelect, type UserRow } from "./view";

/** A user of the actor's cluster by the name in a URL (any case), or null; never another cluster's. */
export async function readUser(actor: Actor, rawUsername: string): Promise<UserRow | null> {
  const username = decodeURIComponent(rawUsername).toLowerCase();
  if (!/^[a-z0-9_]{1,31}$/.test(username)) return null;
  return db.user.findUnique({ where: { clusterId_username: { clusterId: actor.clusterId, username } }, select: userListSelect });
}
