// Test support (not a test file): quorum keys, signatures and snapshots for the quorum tests.
import { createHash } from "node:crypto";
import { db } from "../db/client";
import { pair, signToken, spkiPem } from "../token-files/signing-test-support";
import { makeUser, snapshot } from "../testing/fixtures";
import type { Actor, Ctx, Role } from "../auth/actor";

export { pair, signToken, spkiPem };

/** Stores a quorum key for a user the way registration does (its public half, fingerprint and size). */
export async function giveQuorumKey(clusterId: string, username: string, keyName: string) {
  const { publicKey } = pair(keyName);
  const der = publicKey.export({ type: "spki", format: "der" });
  const fingerprint = "SHA256:" + createHash("sha256").update(der).digest("base64").replace(/=+$/, "");
  await db.user.update({
    where: { clusterId_username: { clusterId, username } },
    data: { quorumPublicKey: spkiPem(publicKey), quorumFingerprint: fingerprint, quorumKeyBits: 2048, quorumRegisteredAt: new Date() },
  });
}

/** An admin (or crypto user) with a session and, when keyName is given, a quorum key. */
export async function approver(clusterId: string, keyName?: string, role: Role = "admin"): Promise<{ username: string; ctx: Ctx & { actor: Actor }; key?: string }> {
  const user = await makeUser(clusterId, role);
  if (keyName) await giveQuorumKey(clusterId, user.username, keyName);
  return { ...user, key: keyName };
}

/** The signature an approver puts in the file: token bytes signed as the digest (pkeyutl digest:sha256). */
export const sign = (keyName: string, token: string) => signToken(pair(keyName).privateKey, Buffer.from(token, "base64"));

/** Every table a quorum operation may touch, audit excepted. */
export async function snapshotAll() {
  const [base, tokens, approvals, challenges] = await Promise.all([
    snapshot(),
    db.quorumToken.findMany({ orderBy: { id: "asc" } }),
    db.quorumApproval.findMany({ orderBy: { id: "asc" } }),
    db.challenge.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ base, tokens, approvals, challenges });
}
