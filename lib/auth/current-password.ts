import "server-only";
import { z } from "zod";
import { db } from "../db/client";
import { OpError } from "../errors";
import type { Actor, Ctx } from "./actor";
import { countFailure, reserveAttempt } from "./login";
import { verifyPassword } from "./password";

// A stolen session alone must not take an account over: whoever acts on their own credentials (password,
// MFA key, quorum key) proves they know the current password. Admins acting on others are governed by
// role and quorum instead. docs/decisions/0032.

export const currentPasswordField = {
  current_password: z.string({ error: "Enter your current password." }).max(1024, "Enter your current password.").optional(),
};

export const NEED_CURRENT = "Enter your current password: changing your own password, MFA key or quorum key needs it, so that a stolen session alone cannot.";
export const WRONG_CURRENT =
  "Your current password is wrong. Wrong current passwords count toward the lockout like failed sign-ins (five in a row lock the account).";

const BUSY =
  "Your current password was not checked: five attempts are already counted against your account, in a row or at this moment. Nothing was changed; try again in a moment.";
const CHANGED_MEANWHILE = "Your password was changed by another request while this one was on its way; nothing was changed. Sign in again if asked, and use your new password.";

/**
 * Checks the actor's current password. A wrong one takes one of the five attempts of the lockout, as a
 * failed sign-in does, so a stolen session cannot guess it for long; the fifth locks the account, which
 * ends every session.
 */
export async function confirmCurrentPassword(ctx: Ctx, actor: Actor, given: string | undefined, startedAt: Date): Promise<void> {
  if (!given) throw new OpError(400, NEED_CURRENT, { fieldErrors: { current_password: [NEED_CURRENT] } });
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, omit: { passwordHash: false } });
  if (user.passwordChangedAt && user.passwordChangedAt > startedAt) {
    // A parallel request (the same form sent twice) changed it a moment ago: not a guess, so not counted.
    throw new OpError(409, CHANGED_MEANWHILE, { fieldErrors: { current_password: [CHANGED_MEANWHILE] } });
  }
  if (!(await reserveAttempt(user.id))) {
    throw new OpError(409, BUSY, { fieldErrors: { current_password: [BUSY] }, auditReason: "five attempts already counted" });
  }
  if (!(await verifyPassword(user.passwordHash, given))) {
    await countFailure(ctx, { id: user.id, clusterId: user.clusterId, username: user.username });
    throw new OpError(403, WRONG_CURRENT, { fieldErrors: { current_password: [WRONG_CURRENT] }, auditReason: "wrong current password" });
  }
  await db.user.updateMany({ where: { id: user.id, failedLogins: { gt: 0 } }, data: { failedLogins: { decrement: 1 } } });
}
