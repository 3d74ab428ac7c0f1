import "server-only";
import type { Db } from "../db/client";
import { OpError } from "../errors";

/** The target user of an operation, in the actor's cluster only; the role must match, as the CLI's --role. */
export async function findTarget(client: Db, clusterId: string, username: string, role?: string) {
  const user = await client.user.findUnique({ where: { clusterId_username: { clusterId, username } } });
  if (!user || (role !== undefined && user.role !== role)) {
    const what = role ? `${role} named ${username}` : `user named ${username}`;
    throw new OpError(404, `There is no ${what} in this cluster.`, { fieldErrors: { username: [`No ${what}.`] } });
  }
  return user;
}
