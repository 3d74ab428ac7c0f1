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
import { roleSchema } from "../users/schemas";
import { parseInput } from "../validation";
import type { Ctx, RequestMeta, Role } from "./actor";
import { verifyPassword } from "./password";
import { createSession, type SessionKind } from "./sessions";
import { inSignInTurn } from "./sign-in-turns";

export const loginSchema = z.strictObject({
  cluster_id: z.string().trim().max(64).optional().transform((v) => v || undefined),
  username: z.string({ error: "Enter your username." }).trim().min(1, "Enter your username.").max(64).transform((s) => s.toLowerCase()),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024),
  role: roleSchema.optional(),
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

const TOO_MANY = (seconds: number) => `Too many sign-in attempts. Try again in ${seconds} seconds.`;

/**
 * Counts one sign-in attempt against a limit. The first refusal of a window is audited; the rest are
 * counted and audited once, with their number, when the next window opens: a flood cannot grow the log.
 */
async function limit(meta: RequestMeta, key: string, max: number, scope: { kind: "address" | "username"; clusterId?: string; username?: string }) {
  const verdict = await hitRateLimit(key, max, 60);
  if (verdict.ok) {
    if (verdict.endedBurst) {
      const { refused, from, to } = verdict.endedBurst;
      await recordAudit(db, {
        clusterId: scope.clusterId,
        operation: "login rate limit",
        target: scope.username,
        outcome: "failure",
        error: `${refused} sign-in attempts refused by the per-${scope.kind} limit (${max} a minute)`,
        meta,
        after: { limit: scope.kind, refused, from: from.toISOString(), to: to.toISOString() },
      });
    }
    return;
  }
  throw new OpError(429, TOO_MANY(verdict.retryAfterSeconds), {
    retryAfterSeconds: verdict.retryAfterSeconds,
    unaudited: !verdict.firstRefusal,
    auditReason: `per-${scope.kind} limit of ${max} a minute reached; further refusals in this minute are counted and audited once, with their number`,
  });
}

/** Per address, before the request is parsed or its cluster looked up: nothing anonymous is free. */
export function limitSignInsByAddress(meta: RequestMeta): Promise<void> {
  return limit(meta, `login:address:${meta.ip}`, settings().LOGIN_RATE_PER_ADDRESS, { kind: "address" });
}

export const usernameLimitKey = (clusterId: string, username: string) => `login:user:${clusterId}:${username}`;

/** Per username of a cluster, whether or not the name exists. */
export function limitSignInsByUsername(meta: RequestMeta, clusterId: string, username: string): Promise<void> {
  return limit(meta, usernameLimitKey(clusterId, username), settings().LOGIN_RATE_PER_USERNAME, { kind: "username", clusterId, username });
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

/**
 * Takes an attempt for the user, or, for an unknown name or a locked account, spends what taking one
 * costs: one row written (the name's own rate-limit row, rewritten as it is). Every failed sign-in then
 * does the same database work, so its time tells nothing about the account (issue 8, item 8).
 */
export async function takeAttempt(user: { id: string; locked: boolean; failedLogins: number } | null, clusterId: string, username: string): Promise<boolean> {
  const open = user && !user.locked && user.failedLogins < LOCKOUT_THRESHOLD;
  if (open && (await reserveAttempt(user.id))) return true;
  await db.rateLimit.updateMany({ where: { key: usernameLimitKey(clusterId, username) }, data: { count: { increment: 0 } } });
  return false;
}

/** `login` with a password: a session, or, when the account has token-sign MFA, a login token file to sign. */
export async function loginWithPassword(ctx: Ctx, input: unknown, kind: SessionKind): Promise<SignedIn | MfaRequired> {
  return inSignInTurn(() => passwordStep(ctx, input, kind));
}

function passwordStep(ctx: Ctx, input: unknown, kind: SessionKind): Promise<SignedIn | MfaRequired> {
  return runOperation(ctx, "login", async (audit) => {
    await limitSignInsByAddress(ctx.meta);
    const { cluster_id, username, password, role } = parseInput(loginSchema, input);
    audit.target = username;
    const cluster = await resolveCluster(cluster_id);
    audit.clusterId = cluster.id;
    await limitSignInsByUsername(ctx.meta, cluster.id, username);

    const user = await db.user.findUnique({
      where: { clusterId_username: { clusterId: cluster.id, username } },
      omit: { passwordHash: false },
    });
    const reserved = await takeAttempt(user, cluster.id, username);
    const passwordOk = await verifyPassword(reserved ? user!.passwordHash : null, password);
    const roleOk = !role || user?.role === role;
    if (!user || !reserved || !passwordOk || !roleOk) {
      await countFailure(ctx, reserved ? user! : { id: "", clusterId: cluster.id, username });
      const auditReason = !user ? "unknown user" : !reserved ? "account locked" : !passwordOk ? "wrong password" : "wrong role";
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
