import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Actor, Ctx } from "../auth/actor";
import { confirmCurrentPassword, currentPasswordField } from "../auth/current-password";
import { authorize } from "../auth/guard";
import { runOperation } from "../audit/operation";
import { now } from "../clock";
import { db } from "../db/client";
import { OpError } from "../errors";
import { consumeChallenge } from "../challenges/consume";
import { acceptPublicKey, refuseKeyOfAnotherUser, refusePrivateKeys, requireSignedTokens } from "../mfa/inputs";
import { mfaTokenTimeoutSeconds } from "../settings";
import { findUnsignedDigests, parseTokenFile } from "../token-files";
import { parseInput } from "../validation";
import { sha256 } from "./approval-file";

const PURPOSE = "quorum-register";
const COMMAND = "user change-quorum token-sign register";

export const registerSchema = z.strictObject({
  public_key_pem: z.string({ error: "Upload your quorum public key (PEM)." }).min(1, "Upload your quorum public key (PEM).").max(16_384, "A public key PEM is a few kilobytes at most."),
  signed_token_file: z.unknown().refine((v) => v !== undefined && v !== "", { error: "Upload the signed registration token file." }),
  ...currentPasswordField,
});

/**
 * `user change-quorum token-sign register`, for yourself (admin): step 1 (empty body) issues a registration
 * token file; step 2 takes the public key and that file signed with its private half.
 */
export async function registerQuorumKey(ctx: Ctx, input: unknown) {
  const empty = input === undefined || (typeof input === "object" && input !== null && Object.keys(input).length === 0);
  return empty ? issueQuorumRegistration(ctx) : completeQuorumRegistration(ctx, input);
}

export async function issueQuorumRegistration(ctx: Ctx) {
  return runOperation(ctx, `${COMMAND} (token file)`, async (audit) => {
    const actor = authorize(ctx, COMMAND, { roles: ["admin"] });
    audit.target = actor.username;
    const t = now();
    const expiresAt = new Date(t.getTime() + mfaTokenTimeoutSeconds() * 1000);
    const json = { cluster: actor.clusterId, expires_at: expiresAt.toISOString(), nonce: randomBytes(16).toString("base64"), purpose: PURPOSE, username: actor.username };
    const bytes = Buffer.from(JSON.stringify(json), "utf8");
    const digest = sha256(bytes).toString("base64");
    return db.$transaction(async (tx) => {
      await tx.challenge.create({
        data: { purpose: PURPOSE, clusterId: actor.clusterId, userId: actor.userId, sessionId: actor.sessionId, createdAt: t, expiresAt, tokens: { create: [{ digest, position: 0 }] } },
      });
      await audit.success(tx, { after: { expires_at: expiresAt } });
      return { token_file: { version: "2.0", tokens: [{ approval_data: bytes.toString("base64"), unsigned: digest, signed: "" }] }, expires_at: expiresAt };
    });
  });
}

export async function completeQuorumRegistration(ctx: Ctx, input: unknown) {
  return runOperation(ctx, COMMAND, async (audit) => {
    const actor = authorize(ctx, COMMAND, { roles: ["admin"] });
    audit.target = actor.username;
    refusePrivateKeys(input);
    const startedAt = now();
    const data = parseInput(registerSchema, input);
    const key = acceptPublicKey(data.public_key_pem);
    const challenge = await findChallenge(actor, data.signed_token_file);
    requireSignedTokens(key.key, challenge.tokens.map((tk) => Buffer.from(tk.digest, "base64")), data.signed_token_file);
    await confirmCurrentPassword(ctx, actor, data.current_password, startedAt);
    return db.$transaction(async (tx) => {
      await consumeChallenge(tx, challenge.id);
      await refuseKeyOfAnotherUser(tx, actor.clusterId, actor.userId, key.fingerprint);
      const before = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { quorumFingerprint: true } });
      await tx.user.update({
        where: { id: actor.userId },
        data: { quorumPublicKey: key.spkiPem, quorumFingerprint: key.fingerprint, quorumKeyBits: key.bits, quorumRegisteredAt: now() },
      });
      await audit.success(tx, { before: { quorum_fingerprint: before.quorumFingerprint }, after: { quorum_fingerprint: key.fingerprint, quorum_key_bits: key.bits } });
      return { username: actor.username, role: actor.role, quorum_fingerprint: key.fingerprint };
    });
  });
}

/** The open registration challenge of this session that issued the file's token. */
async function findChallenge(actor: Actor, file: unknown) {
  const digests = findUnsignedDigests(file).map((d) => d.toString("base64"));
  const parsed = digests.length ? null : parseTokenFile(file);
  if (parsed && !parsed.ok) {
    throw new OpError(400, `The quorum key was not registered: ${parsed.message}`);
  }
  const challenge = digests.length
    ? await db.challenge.findFirst({
        where: { purpose: PURPOSE, userId: actor.userId, sessionId: actor.sessionId, consumedAt: null, tokens: { some: { digest: { in: digests } } } },
        include: { tokens: { orderBy: { position: "asc" } } },
      })
    : null;
  if (!challenge) {
    throw new OpError(422, "The quorum key was not registered: this file is not a registration token file issued to you in this session (or it was already used). Download a fresh one, sign it, and upload it.");
  }
  if (now() > challenge.expiresAt) {
    throw new OpError(409, `The quorum key was not registered: this registration token file expired (they last ${Math.round(mfaTokenTimeoutSeconds() / 60)} minutes). Download a fresh one and sign it.`);
  }
  return challenge;
}
