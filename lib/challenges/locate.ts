import "server-only";
import { now } from "../clock";
import { db } from "../db/client";
import { OpError } from "../errors";
import { findUnsignedDigests, parseTokenFile } from "../token-files";
import type { Purpose } from "./issue";

const purposeName: Record<string, string> = {
  login: "a sign-in",
  "mfa-register": "an MFA registration",
  "quorum-register": "a quorum key registration",
};

const fresh = (purpose: Purpose) =>
  purpose === "login" ? "Sign in again with your password for a new token file." : "Download a new token file and sign it.";

export type OpenChallenge = { id: string; expected: Buffer[]; expiresAt: Date };

/**
 * Finds the challenge an uploaded token file answers, from its tokens alone (the file carries no other
 * field), and says in plain words why it cannot be used: not issued here, for another purpose, another
 * user or another session, expired, or used.
 */
export async function locateChallenge(
  file: unknown,
  want: { purpose: Purpose; clusterId: string; userId: string; sessionId?: string },
): Promise<OpenChallenge> {
  const parsed = parseTokenFile(file);
  if (!parsed.ok) {
    throw new OpError(400, `The signed token file cannot be read: ${parsed.problems.join(" ")}`, {
      fieldErrors: { signed_token_file: parsed.problems },
    });
  }
  const digests = findUnsignedDigests(parsed.file).map((d) => d.toString("base64"));
  const tokens = await db.challengeToken.findMany({
    where: { digest: { in: digests } },
    include: { challenge: { include: { tokens: { orderBy: { position: "asc" } } } } },
  });
  const refuse = (status: 404 | 409 | 422, message: string) =>
    new OpError(status, message, { fieldErrors: { signed_token_file: [message] } });
  if (tokens.length === 0) {
    throw refuse(422, `None of the tokens in this file were issued by this console for ${purposeName[want.purpose]}. ${fresh(want.purpose)}`);
  }
  // When tokens of several token files are mixed, the file is the one most of them came from.
  const hits = new Map<string, number>();
  for (const t of tokens) hits.set(t.challenge.id, (hits.get(t.challenge.id) ?? 0) + 1);
  const challenges = new Map(tokens.map((t) => [t.challenge.id, t.challenge]));
  const ranked = [...challenges.values()].sort((a, b) => hits.get(b.id)! - hits.get(a.id)!);
  const ours = ranked.find(
    (c) => c.purpose === want.purpose && c.clusterId === want.clusterId && c.userId === want.userId && (want.sessionId === undefined || c.sessionId === want.sessionId),
  );
  if (!ours) {
    const c = ranked[0];
    if (c.purpose !== want.purpose) throw refuse(422, `This token file was issued for ${purposeName[c.purpose] ?? c.purpose}, not for ${purposeName[want.purpose]}. ${fresh(want.purpose)}`);
    if (c.userId !== want.userId || c.clusterId !== want.clusterId) throw refuse(422, `This token file was issued for another user. ${fresh(want.purpose)}`);
    throw refuse(422, `This token file was issued to another session (another browser or API login). Download a new token file in this session.`);
  }
  if (ours.consumedAt) throw refuse(409, `This token file was used already; a token file works once. ${fresh(want.purpose)}`);
  if (ours.expiresAt <= now()) {
    throw refuse(422, `This token file expired at ${ours.expiresAt.toISOString().slice(0, 19)}Z (token files are valid for a limited time). ${fresh(want.purpose)}`);
  }
  return { id: ours.id, expected: ours.tokens.map((t) => Buffer.from(t.digest, "base64")), expiresAt: ours.expiresAt };
}
