import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/actor";
import { authorize } from "../auth/guard";
import { runOperation } from "../audit/operation";
import { db } from "../db/client";
import { lockCluster } from "../db/locks";
import { OpError } from "../errors";
import { consumeQuorumApproval } from "../quorum/consume";
import { assertQuorumReachable } from "../quorum/reachable";
import { parseInput } from "../validation";
import { findTarget } from "./find";
import { roleSchema, usernameSchema } from "./schemas";

export const deleteUserSchema = z.strictObject({ username: usernameSchema, role: roleSchema, approval: z.unknown().optional() });

/** `user delete` (admin): never yourself, never the cluster's last admin. Its sessions end with it. */
export async function deleteUser(ctx: Ctx, input: unknown): Promise<{ username: string; role: string }> {
  return runOperation(ctx, "user delete", async (audit) => {
    const actor = authorize(ctx, "user delete", { roles: ["admin"] });
    const { username, role, approval } = parseInput(deleteUserSchema, input);
    audit.target = username;
    if (username === actor.username) throw new OpError(409, "You cannot delete your own account; ask another admin.");
    return db.$transaction(async (tx) => {
      const user = await findTarget(tx, actor.clusterId, username, role);
      await consumeQuorumApproval(tx, ctx, { service: "user", command: "user delete", username, role }, approval);
      await tx.user.delete({ where: { id: user.id } });
      if (user.quorumFingerprint) await assertQuorumReachable(tx, actor.clusterId, `Deleting ${username}`);
      if (role === "admin") await lockCluster(tx, actor.clusterId); // two admins deleting each other at once: one is refused
      if (role === "admin" && (await tx.user.count({ where: { clusterId: actor.clusterId, role: "admin" } })) === 0) {
        throw new OpError(409, `${username} is the last admin of this cluster; create another admin first.`);
      }
      await audit.success(tx, {
        before: { username, role, locked: user.locked, mfa_fingerprint: user.mfaFingerprint, quorum_fingerprint: user.quorumFingerprint },
      });
      return { username, role };
    });
  });
}
