import "server-only";
import { z } from "zod";
import type { RequestMeta } from "../auth/actor";
import { hashPassword } from "../auth/password";
import { endUserSessions } from "../auth/sessions";
import { runOperation } from "../audit/operation";
import { now } from "../clock";
import { db } from "../db/client";
import { OpError } from "../errors";
import { parseInput } from "../validation";
import { findTarget } from "./find";
import { passwordSchema, usernameSchema } from "./schemas";

export const unlockSchema = z.strictObject({
  cluster_id: z.string({ error: "Give the cluster id (--cluster-id)." }).trim().min(1, "Give the cluster id (--cluster-id).").max(64),
  username: usernameSchema,
  password: passwordSchema,
});

export const UNLOCK_OPERATION = "user unlock (server)";

/**
 * `npm run unlock`: the way back when every admin is locked out. Run by whoever holds the server, so no
 * session or quorum applies: it sets a new password, unlocks, ends the user's sessions and writes the
 * audit event, in one transaction.
 */
export async function unlockUser(meta: RequestMeta, input: unknown): Promise<{ cluster_id: string; username: string; role: string; sessions_ended: number }> {
  return runOperation({ actor: null, meta }, UNLOCK_OPERATION, async (audit) => {
    const data = parseInput(unlockSchema, input);
    const cluster = await db.cluster.findUnique({ where: { id: data.cluster_id }, select: { id: true } });
    if (!cluster) throw new OpError(404, `No cluster with id ${data.cluster_id}.`, { fieldErrors: { cluster_id: ["No such cluster."] } });
    audit.clusterId = cluster.id;
    audit.target = data.username;
    const passwordHash = await hashPassword(data.password);
    return db.$transaction(async (tx) => {
      const user = await findTarget(tx, cluster.id, data.username);
      const at = now();
      await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: at, locked: false, failedLogins: 0 } });
      const ended = await endUserSessions(tx, user.id);
      await audit.success(tx, {
        before: { locked: user.locked, failed_logins: user.failedLogins, password_changed_at: user.passwordChangedAt },
        after: { locked: false, failed_logins: 0, password_changed_at: at, sessions_ended: ended },
      });
      return { cluster_id: cluster.id, username: user.username, role: user.role, sessions_ended: ended };
    });
  });
}
