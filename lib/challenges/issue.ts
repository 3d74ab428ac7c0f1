import "server-only";
import { listHsms } from "../clusters/hsms";
import { now } from "../clock";
import type { Tx } from "../db/client";
import { buildUnsignedTokenFile, newToken, type TokenFile } from "../token-files";

export type Purpose = "login" | "mfa-register";

/** `preimages[i]` hashes to token i: the page that signs in the browser holds them, never the file. */
export type IssuedChallenge = { id: string; tokenFile: TokenFile; preimages: string[]; expiresAt: Date; hsmIds: string[] };

/** Issues one fresh token per HSM of the cluster, in HSM order, and records what it waits to see signed. */
export async function issueChallenge(
  tx: Tx,
  params: { purpose: Purpose; clusterId: string; userId: string; sessionId: string | null; ttlSeconds: number },
): Promise<IssuedChallenge> {
  const hsms = await listHsms(tx, params.clusterId);
  const createdAt = now();
  const expiresAt = new Date(createdAt.getTime() + params.ttlSeconds * 1000);
  const tokens = hsms.map(() => newToken());
  const challenge = await tx.challenge.create({
    data: {
      purpose: params.purpose,
      clusterId: params.clusterId,
      userId: params.userId,
      sessionId: params.sessionId,
      createdAt,
      expiresAt,
      tokens: { create: tokens.map((t, position) => ({ digest: t.digest.toString("base64"), position })) },
    },
  });
  return {
    id: challenge.id,
    tokenFile: buildUnsignedTokenFile(tokens.map((t) => t.digest)),
    preimages: tokens.map((t) => t.preimage.toString("base64")),
    expiresAt,
    hsmIds: hsms.map((h) => h.id),
  };
}
