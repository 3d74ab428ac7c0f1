import "server-only";
import type { Tx } from "../db/client";
import { OpError } from "../errors";
import { loadStoredPublicKey } from "../keys";
import { verifyTokenSignature } from "../token-files";

export type VerifiedApproval = { approverId: string; username: string; fingerprint: string; signature: string };

const refuse = (prefix: string, message: string, reason: string) =>
  new OpError(422, `${prefix}: ${message}`, { auditReason: reason });

/**
 * Checks every signature of an approval file against its approver's registered quorum key: each must be
 * an admin of this cluster with a quorum key, named once, whose key made the signature over the 32 token
 * bytes (pre-hashed SHA-256, PKCS#1 v1.5, the same semantics as token-sign MFA). One bad entry refuses the file.
 */
export async function verifyApprovalSignatures(
  tx: Tx,
  clusterId: string,
  token: Buffer,
  signatures: { username: string; signature: string }[],
  prefix: string,
): Promise<VerifiedApproval[]> {
  const seen = new Set<string>();
  const out: VerifiedApproval[] = [];
  for (const { username, signature } of signatures) {
    if (seen.has(username)) {
      throw refuse(prefix, `${username} signed this token more than once; each approver counts once. Remove the repeated signature, and collect the missing approval from another admin.`, "duplicate approver");
    }
    seen.add(username);
    const user = await tx.user.findUnique({
      where: { clusterId_username: { clusterId, username } },
      select: { id: true, role: true, quorumPublicKey: true, quorumFingerprint: true },
    });
    if (!user) throw refuse(prefix, `the signature is by "${username.slice(0, 31)}", who is not a user of this cluster.`, "unknown approver");
    if (user.role !== "admin") {
      throw refuse(prefix, `the signature by ${username} does not count: ${username} is a crypto-user, and only admins approve quorum tokens.`, "crypto-user approver");
    }
    if (!user.quorumPublicKey || !user.quorumFingerprint) {
      throw refuse(prefix, `the signature by ${username} does not count: ${username} has no quorum key registered (user change-quorum token-sign register).`, "approver without quorum key");
    }
    const result = verifyTokenSignature(loadStoredPublicKey(user.quorumPublicKey), token, signature);
    if (!result.ok) {
      const mine = result.code === "wrong_key" || result.code === "wrong_length" || result.code === "pss";
      const what = mine ? `it was not made with ${username}'s registered quorum key (${user.quorumFingerprint})` : result.message;
      throw refuse(prefix, `the signature by ${username} is not valid: ${what}${result.fix ? ` ${result.fix}` : ""}`, `bad signature (${result.code})`);
    }
    out.push({ approverId: user.id, username, fingerprint: user.quorumFingerprint, signature });
  }
  return out;
}
