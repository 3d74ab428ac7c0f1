import "server-only";
import { listHsms } from "../clusters/hsms";
import { now } from "../clock";
import type { Tx } from "../db/client";
import { buildUnsignedTokenFile, newTokenDigest, type TokenFile } from "../token-files";

export type Purpose = "login" | "mfa-register";

export type IssuedChallenge = { id: string; tokenFile: TokenFile; expiresAt: Date; hsmIds: string[] };

/** Issues one fresh token per HSM of the cluster, in HSM order, and records what it waits to see signed. */
export async function issueChallenge(
  tx: Tx,
  params: { purpose: Purpose; clusterId: string; userId: string; sessionId: string | null; ttlSeconds: number },
): Promise<IssuedChallenge> {
  const hsms = await listHsms(tx, params.clusterId);
  const createdAt = now();
  const expiresAt = new Date(createdAt.getTime() + params.ttlSeconds * 1000);
  const context = `${params.purpose}|${params.clusterId}|${params.userId}|${createdAt.toISOString()}`;
  const digests = hsms.map((hsm) => newTokenDigest(`${context}|${hsm.id}`));
  const challenge = await tx.challenge.create({
    data: {
      purpose: params.purpose,
      clusterId: params.clusterId,
      userId: params.userId,
      sessionId: params.sessionId,
      createdAt,
      expiresAt,
      tokens: { create: digests.map((d, position) => ({ digest: d.toString("base64"), position })) },
    },
  });
  return { id: challenge.id, tokenFile: buildUnsignedTokenFile(digests), expiresAt, hsmIds: hsms.map((h) => h.id) };
}
