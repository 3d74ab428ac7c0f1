import "server-only";
import { z } from "zod";
import { runOperation } from "../audit/operation";
import { consumeChallenge } from "../challenges/consume";
import { locateChallenge } from "../challenges/locate";
import { resolveCluster } from "../clusters/resolve";
import { db } from "../db/client";
import { OpError } from "../errors";
import { loadStoredPublicKey } from "../keys";
import { refusePrivateKeys, requireSignedTokens, tokenFileInput } from "../mfa/inputs";
import { roleSchema } from "../users/schemas";
import { parseInput } from "../validation";
import type { Ctx } from "./actor";
import { countFailure, limitSignInsByAddress, limitSignInsByUsername, openSession, SIGN_IN_FAILED, takeAttempt, type SignedIn } from "./login";
import type { SessionKind } from "./sessions";
import { inSignInTurn } from "./sign-in-turns";

export const mfaLoginSchema = z.strictObject({
  cluster_id: z.string().trim().max(64).optional().transform((v) => v || undefined),
  username: z.string({ error: "Enter your username." }).trim().min(1, "Enter your username.").max(64).transform((s) => s.toLowerCase()),
  signed_token_file: tokenFileInput,
  role: roleSchema.optional(),
});

/**
 * `login ... mfa-token-sign`, second step: the signed login token file. A failure counts toward the
 * lockout like a wrong password, but says what is wrong with each token, since the password was right.
 * An unknown name, an account without MFA and a locked account get exactly the answer that a file not
 * issued to the user gets, after the same work: the answer tells nothing about the account.
 */
export async function loginWithMfa(ctx: Ctx, input: unknown, kind: SessionKind): Promise<SignedIn> {
  return inSignInTurn(() => mfaStep(ctx, input, kind));
}

function mfaStep(ctx: Ctx, input: unknown, kind: SessionKind): Promise<SignedIn> {
  return runOperation(ctx, "login mfa-token-sign", async (audit) => {
    await limitSignInsByAddress(ctx.meta);
    refusePrivateKeys(input);
    const { cluster_id, username, signed_token_file, role } = parseInput(mfaLoginSchema, input);
    audit.target = username;
    const cluster = await resolveCluster(cluster_id);
    audit.clusterId = cluster.id;
    await limitSignInsByUsername(ctx.meta, cluster.id, username);
    const user = await db.user.findUnique({ where: { clusterId_username: { clusterId: cluster.id, username } } });
    const reserved = await takeAttempt(user?.mfaPublicKey ? user : null, cluster.id, username);
    const why = !user ? "unknown user" : !user.mfaPublicKey ? "no MFA key" : "account locked";
    try {
      const challenge = await locateChallenge(signed_token_file, { purpose: "login", clusterId: cluster.id, userId: user?.id ?? "" });
      if (!reserved) throw new OpError(401, SIGN_IN_FAILED, { auditReason: why });
      if (role && role !== user!.role) throw new OpError(401, SIGN_IN_FAILED, { auditReason: "wrong role" });
      requireSignedTokens(loadStoredPublicKey(user!.mfaPublicKey!), challenge.expected, signed_token_file);
      return await openSession({ user: user!, username, kind, ctx, audit, after: { mfa: "token-sign" } }, (tx) => consumeChallenge(tx, challenge.id));
    } catch (e) {
      await countFailure(ctx, reserved ? user! : { id: "", clusterId: cluster.id, username });
      if (!reserved && e instanceof OpError && !e.details.auditReason) e.details.auditReason = why;
      throw e;
    }
  });
}
