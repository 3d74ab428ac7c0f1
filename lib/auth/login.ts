import "server-only";
import { z } from "zod";
import { runOperation, type AuditScope } from "../audit/operation";
import { recordAudit } from "../audit/record";
import { now } from "../clock";
import { resolveCluster } from "../clusters/resolve";
import { db, type Tx } from "../db/client";
import { OpError } from "../errors";
import { hitRateLimit } from "../rate-limit";
import { LOCKOUT_THRESHOLD, mfaTokenTimeoutSeconds, settings } from "../settings";
import { issueChallenge } from "../challenges/issue";
import type { TokenFile } from "../token-files";
import { parseInput } from "../validation";
import type { Ctx, RequestMeta, Role } from "./actor";
import { verifyPassword } from "./password";
import { createSession, type SessionKind } from "./sessions";

export const loginSchema = z.strictObject({
  cluster_id: z.string().trim().max(64).optional().transform((v) => v || undefined),
  username: z.string({ error: "Enter your username." }).trim().min(1, "Enter your username.").max(64).transform((s) => s.toLowerCase()),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024),
});

// One message for a wrong password, an unknown user and a locked account: it must not tell them apart.
export const SIGN_IN_FAILED =
  "Sign-in failed: the username or password is wrong, or the account is locked. Five failed sign-ins in a row lock an account; an admin unlocks it by setting a new password.";

export type SignedIn = {
  mfaRequired?: false;
  username: string;
  role: Role;
  clusterId: string;
  session: { id: string; token: string; expiresAt: Date };
};

/** The password was right and the account has token-sign MFA: the sign-in waits for the signed login token file. */
export type MfaRequired = { mfaRequired: true; username: string; clusterId: string; tokenFile: TokenFile; preimages: string[]; expiresAt: Date };

/** Counts one sign-in attempt per address and per username; past either limit, a 429 with the wait. */
export async function limitSignInAttempts(meta: RequestMeta, clusterId: string, username: string): Promise<void> {
  const s = settings();
  for (const [key, limit] of [
    [`login:address:${meta.ip}`, s.LOGIN_RATE_PER_ADDRESS],
    [`login:user:${clusterId}:${username}`, s.LOGIN_RATE_PER_USERNAME],
  ] as const) {
    const verdict = await hitRateLimit(key, limit, 60);
    if (!verdict.ok) {
      throw new OpError(429, `Too many sign-in attempts. Try again in ${verdict.retryAfterSeconds} seconds.`, {
        retryAfterSeconds: verdict.retryAfterSeconds,
      });
    }
  }
}

/** Records one failed factor; the failure that reaches the threshold locks the account. */
export async function countFailure(ctx: Ctx, user: { id: string; clusterId: string; username: string }): Promise<void> {
  const locked = await db.user.updateMany({
    where: { id: user.id, locked: false, failedLogins: { gte: LOCKOUT_THRESHOLD } },
    data: { locked: true },
  });
  if (locked.count === 1) {
    await recordAudit(db, {
      clusterId: user.clusterId,
      operation: "user lock",
      target: user.username,
      outcome: "success",
      meta: ctx.meta,
      before: { locked: false },
      after: { locked: true, reason: `${LOCKOUT_THRESHOLD} failed sign-ins in a row` },
    });
  }
}

/** Takes one of the five attempts atomically: parallel guesses cannot get more tries than the lockout allows. */
export async function reserveAttempt(userId: string): Promise<boolean> {
  const slot = await db.user.updateMany({
    where: { id: userId, locked: false, failedLogins: { lt: LOCKOUT_THRESHOLD } },
    data: { failedLogins: { increment: 1 } },
  });
  return slot.count === 1;
}

/** `login` with a password: a session, or, when the account has token-sign MFA, a login token file to sign. */
export async function loginWithPassword(ctx: Ctx, input: unknown, kind: SessionKind): Promise<SignedIn | MfaRequired> {
  return runOperation(ctx, "login", async (audit) => {
    const { cluster_id, username, password } = parseInput(loginSchema, input);
    audit.target = username;
    const cluster = await resolveCluster(cluster_id);
    audit.clusterId = cluster.id;
    await limitSignInAttempts(ctx.meta, cluster.id, username);

    const user = await db.user.findUnique({
      where: { clusterId_username: { clusterId: cluster.id, username } },
      omit: { passwordHash: false },
    });
    const reserved = user ? await reserveAttempt(user.id) : false;
    const passwordOk = await verifyPassword(reserved ? user!.passwordHash : null, password);
    if (!user || !reserved || !passwordOk) {
      if (user && reserved) await countFailure(ctx, user);
      const auditReason = !user ? "unknown user" : !reserved ? "account locked" : "wrong password";
      throw new OpError(401, SIGN_IN_FAILED, { auditReason });
    }
    if (!user.mfaFingerprint) return openSession({ user, username, kind, ctx, audit });
    return db.$transaction(async (tx) => {
      // The password was right: give its attempt back, but keep earlier failures (MFA failures count too).
      await tx.user.updateMany({ where: { id: user.id, failedLogins: { gt: 0 } }, data: { failedLogins: { decrement: 1 } } });
      const issued = await issueChallenge(tx, { purpose: "login", clusterId: cluster.id, userId: user.id, sessionId: null, ttlSeconds: mfaTokenTimeoutSeconds() });
      await audit.success(tx, {
        actor: { userId: user.id, username, role: user.role as Role },
        after: { step: "password accepted; waiting for the signed login token file" },
      });
      return { mfaRequired: true as const, username, clusterId: cluster.id, tokenFile: issued.tokenFile, preimages: issued.preimages, expiresAt: issued.expiresAt };
    });
  });
}

/** The last step of every sign-in: reset the failure count, note the time, open the session. */
export async function openSession(
  p: { user: { id: string; clusterId: string; role: string }; username: string; kind: SessionKind; ctx: Ctx; audit: AuditScope; after?: Record<string, unknown> },
  inside?: (tx: Tx) => Promise<void>,
): Promise<SignedIn> {
  const { user, username, kind, ctx, audit } = p;
  const role = user.role as Role;
  return db.$transaction(async (tx) => {
    await inside?.(tx);
    await tx.user.update({ where: { id: user.id }, data: { failedLogins: 0, lastLoginAt: now() } });
    const session = await createSession(tx, user, kind, ctx.meta);
    await audit.success(tx, { actor: { userId: user.id, username, role }, after: { session: kind, ...p.after } });
    return { username, role, clusterId: user.clusterId, session };
  });
}
