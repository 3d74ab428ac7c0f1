import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/actor";
import { confirmCurrentPassword, currentPasswordField } from "../auth/current-password";
import { authorize } from "../auth/guard";
import { hashPassword } from "../auth/password";
import { endUserSessions } from "../auth/sessions";
import { runOperation } from "../audit/operation";
import { now } from "../clock";
import { db } from "../db/client";
import { consumeQuorumApproval } from "../quorum/consume";
import { assertQuorumReachable } from "../quorum/reachable";
import { parseInput } from "../validation";
import { findTarget } from "./find";
import { optionalFlag, passwordSchema, roleSchema, usernameSchema } from "./schemas";

export const changePasswordSchema = z.strictObject({
  username: usernameSchema,
  role: roleSchema,
  password: passwordSchema,
  deregister_mfa: optionalFlag,
  approval: z.unknown().optional(),
  deregister_quorum: optionalFlag,
  ...currentPasswordField,
});

/**
 * `user change-password`: anyone for themself (with their current password), an admin for anyone of the
 * cluster. Setting a password unlocks the account and ends the user's other sessions.
 */
export async function changePassword(ctx: Ctx, input: unknown): Promise<{ username: string; role: string }> {
  return runOperation(ctx, "user change-password", async (audit) => {
    const startedAt = now();
    const probe = z.object({ username: usernameSchema }).safeParse(input ?? {});
    const actor = authorize(ctx, "user change-password for another user", { roles: ["admin"], self: "allowed" }, probe.data?.username);
    const data = parseInput(changePasswordSchema, input);
    audit.target = data.username;
    if (data.username === actor.username) await confirmCurrentPassword(ctx, actor, data.current_password, startedAt);
    const passwordHash = await hashPassword(data.password);
    return db.$transaction(async (tx) => {
      const user = await findTarget(tx, actor.clusterId, data.username, data.role);
      const self = user.id === actor.userId;
      if (!self) await consumeQuorumApproval(tx, ctx, { service: "user", command: "user change-password", username: data.username, role: data.role }, data.approval);
      const mfa = data.deregister_mfa ? { mfaPublicKey: null, mfaFingerprint: null, mfaKeyBits: null, mfaRegisteredAt: null } : {};
      const quorum = data.deregister_quorum ? { quorumPublicKey: null, quorumFingerprint: null, quorumKeyBits: null, quorumRegisteredAt: null } : {};
      await tx.user.update({
        where: { id: user.id },
        data: { passwordHash, passwordChangedAt: now(), locked: false, failedLogins: 0, ...mfa, ...quorum },
      });
      if (data.deregister_quorum && user.quorumFingerprint) await assertQuorumReachable(tx, actor.clusterId, `Deregistering the quorum key of ${data.username}`);
      const ended = await endUserSessions(tx, user.id, self ? actor.sessionId : undefined);
      await audit.success(tx, {
        before: {
          locked: user.locked,
          password_changed_at: user.passwordChangedAt,
          ...(data.deregister_mfa ? { mfa_fingerprint: user.mfaFingerprint } : {}),
          ...(data.deregister_quorum ? { quorum_fingerprint: user.quorumFingerprint } : {}),
        },
        after: {
          locked: false,
          password_changed_at: now(),
          sessions_ended: ended,
          ...(data.deregister_mfa ? { mfa_fingerprint: null } : {}),
          ...(data.deregister_quorum ? { quorum_fingerprint: null } : {}),
        },
      });
      return { username: data.username, role: data.role };
    });
  });
}
