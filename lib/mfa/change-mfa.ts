import "server-only";
import { z } from "zod";
import type { Actor, Ctx } from "../auth/actor";
import { confirmCurrentPassword, currentPasswordField } from "../auth/current-password";
import { authorize } from "../auth/guard";
import { hashPassword } from "../auth/password";
import { endUserSessions } from "../auth/sessions";
import { runOperation, type AuditScope } from "../audit/operation";
import { issueChallenge } from "../challenges/issue";
import { consumeChallenge } from "../challenges/consume";
import { locateChallenge } from "../challenges/locate";
import { now } from "../clock";
import { db, type Tx } from "../db/client";
import { consumeQuorumApproval } from "../quorum/consume";
import { assertQuorumReachable } from "../quorum/reachable";
import { mfaTokenTimeoutSeconds } from "../settings";
import type { TokenFile } from "../token-files";
import { findTarget } from "../users/find";
import { optionalFlag, passwordSchema, roleSchema, usernameSchema } from "../users/schemas";
import { parseInput } from "../validation";
import { acceptPublicKey, publicKeyInput, refuseKeyOfAnotherUser, refusePrivateKeys, requireSignedTokens, tokenFileInput } from "./inputs";

const target = { username: usernameSchema, role: roleSchema };
const tokenStep = z.strictObject({ ...target, token: z.literal(true) });
const registerStep = z.strictObject({
  ...target,
  change_password: passwordSchema,
  signed_token_file: tokenFileInput,
  public_key_pem: publicKeyInput,
  change_quorum: optionalFlag,
  approval: z.unknown().optional(),
  ...currentPasswordField,
});
const deregisterStep = z.strictObject({
  ...target,
  change_password: passwordSchema,
  deregister: z.literal(true),
  change_quorum: optionalFlag,
  approval: z.unknown().optional(),
  ...currentPasswordField,
});

const OPERATION = "user change-mfa token-sign";
const permission = { roles: ["admin"], self: "allowed" } as const;

const targetOf = (input: unknown) => z.object({ username: usernameSchema }).safeParse(input ?? {}).data?.username;

function authorizeFor(ctx: Ctx, input: unknown): Actor {
  return authorize(ctx, `${OPERATION} for another user`, permission, targetOf(input));
}

/**
 * `--token`: issues the unsigned token file (one token per HSM) that the user signs. `token_preimages` are
 * for the page that signs in the browser; the API answers the CLI's `token_file` only.
 */
export async function requestMfaTokenFile(ctx: Ctx, input: unknown): Promise<{ token_file: TokenFile; token_preimages: string[]; expires_at: Date }> {
  return runOperation(ctx, `${OPERATION} --token`, async (audit) => {
    const actor = authorizeFor(ctx, input);
    const { username, role } = parseInput(tokenStep, input);
    audit.target = username;
    return db.$transaction(async (tx) => {
      const user = await findTarget(tx, actor.clusterId, username, role);
      const issued = await issueChallenge(tx, {
        purpose: "mfa-register",
        clusterId: actor.clusterId,
        userId: user.id,
        sessionId: actor.sessionId,
        ttlSeconds: mfaTokenTimeoutSeconds(),
      });
      await audit.success(tx, { after: { tokens: issued.tokenFile.tokens.length, expires_at: issued.expiresAt } });
      return { token_file: issued.tokenFile, token_preimages: issued.preimages, expires_at: issued.expiresAt };
    });
  });
}

/** Registers (`--token` then the signed file and public key) or deregisters (`--deregister`) a user's MFA key. */
export async function changeMfa(ctx: Ctx, input: unknown): Promise<{ username: string; role: string; fingerprint?: string; bits?: number }> {
  return runOperation(ctx, OPERATION, async (audit) => {
    const actor = authorizeFor(ctx, input);
    // Named before the private-key check, so that refusal's event says whose registration it was.
    audit.target = targetOf(input);
    refusePrivateKeys(input);
    const deregistering = typeof input === "object" && input !== null && "deregister" in input;
    const data = deregistering ? parseInput(deregisterStep, input) : parseInput(registerStep, input);
    audit.target = data.username;
    const user = await findTarget(db, actor.clusterId, data.username, data.role);
    const startedAt = now();
    // For yourself, the current password; asked after the cheap checks, so a replayed upload is told it was used.
    const confirm = () => (user.id === actor.userId ? confirmCurrentPassword(ctx, actor, data.current_password, startedAt) : Promise.resolve());

    // For another user, an admin needs the `user` service's quorum (checked and used inside each transaction).
    const approve = (tx: Tx) =>
      user.id === actor.userId
        ? Promise.resolve(null)
        : consumeQuorumApproval(tx, ctx, { service: "user", command: "user change-mfa", username: user.username, role: user.role }, data.approval);

    if ("deregister" in data) {
      await confirm();
      const passwordHash = await hashPassword(data.change_password);
      return db.$transaction(async (tx) => {
        await approve(tx);
        await tx.user.update({
          where: { id: user.id },
          data: {
            ...credentials(passwordHash),
            mfaPublicKey: null, mfaFingerprint: null, mfaKeyBits: null, mfaRegisteredAt: null,
            ...(data.change_quorum ? { quorumPublicKey: null, quorumFingerprint: null, quorumKeyBits: null, quorumRegisteredAt: null } : {}),
          },
        });
        if (data.change_quorum && user.quorumFingerprint) await assertQuorumReachable(tx, actor.clusterId, `Deregistering the quorum key of ${user.username}`);
        await finish(tx, actor, user.id, audit, {
          before: { mfa_fingerprint: user.mfaFingerprint, ...(data.change_quorum ? { quorum_fingerprint: user.quorumFingerprint } : {}) },
          after: { mfa_fingerprint: null, ...(data.change_quorum ? { quorum_fingerprint: null } : {}), password_changed: true },
        });
        return { username: user.username, role: user.role };
      });
    }

    const key = acceptPublicKey(data.public_key_pem);
    const challenge = await locateChallenge(data.signed_token_file, {
      purpose: "mfa-register",
      clusterId: actor.clusterId,
      userId: user.id,
      sessionId: actor.sessionId,
    });
    requireSignedTokens(key.key, challenge.expected, data.signed_token_file);
    await confirm();
    const passwordHash = await hashPassword(data.change_password);
    return db.$transaction(async (tx) => {
      await refuseKeyOfAnotherUser(tx, actor.clusterId, user.id, key.fingerprint);
      await approve(tx);
      await consumeChallenge(tx, challenge.id);
      const at = now();
      await tx.user.update({
        where: { id: user.id },
        data: {
          ...credentials(passwordHash),
          mfaPublicKey: key.spkiPem, mfaFingerprint: key.fingerprint, mfaKeyBits: key.bits, mfaRegisteredAt: at,
          ...(data.change_quorum
            ? { quorumPublicKey: key.spkiPem, quorumFingerprint: key.fingerprint, quorumKeyBits: key.bits, quorumRegisteredAt: at }
            : {}),
        },
      });
      await finish(tx, actor, user.id, audit, {
        before: { mfa_fingerprint: user.mfaFingerprint, ...(data.change_quorum ? { quorum_fingerprint: user.quorumFingerprint } : {}) },
        after: { mfa_fingerprint: key.fingerprint, key_bits: key.bits, ...(data.change_quorum ? { quorum_fingerprint: key.fingerprint } : {}), password_changed: true },
      });
      return { username: user.username, role: user.role, fingerprint: key.fingerprint, bits: key.bits };
    });
  });
}

const credentials = (passwordHash: string) => ({ passwordHash, passwordChangedAt: now(), locked: false, failedLogins: 0 });

/** An MFA change ends the user's other sessions (the actor's own stays when they change their own MFA). */
async function finish(
  tx: Tx,
  actor: Actor,
  userId: string,
  audit: AuditScope,
  change: { before: Record<string, unknown>; after: Record<string, unknown> },
) {
  const ended = await endUserSessions(tx, userId, userId === actor.userId ? actor.sessionId : undefined);
  await audit.success(tx, { before: change.before, after: { ...change.after, sessions_ended: ended } });
}
