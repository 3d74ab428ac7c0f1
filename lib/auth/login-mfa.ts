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
import { countFailure, limitSignInAttempts, openSession, reserveAttempt, SIGN_IN_FAILED, type SignedIn } from "./login";
import type { SessionKind } from "./sessions";

export const mfaLoginSchema = z.strictObject({
  cluster_id: z.string().trim().max(64).optional().transform((v) => v || undefined),
  username: z.string({ error: "Enter your username." }).trim().min(1, "Enter your username.").max(64).transform((s) => s.toLowerCase()),
  signed_token_file: tokenFileInput,
  role: roleSchema.optional(),
});

/**
 * `login ... mfa-token-sign`, second step: the signed login token file. A failure counts toward the
 * lockout like a wrong password, but says what is wrong with each token, since the password was right.
 */
export async function loginWithMfa(ctx: Ctx, input: unknown, kind: SessionKind): Promise<SignedIn> {
  return runOperation(ctx, "login mfa-token-sign", async (audit) => {
    refusePrivateKeys(input);
    const { cluster_id, username, signed_token_file, role } = parseInput(mfaLoginSchema, input);
    audit.target = username;
    const cluster = await resolveCluster(cluster_id);
    audit.clusterId = cluster.id;
    await limitSignInAttempts(ctx.meta, cluster.id, username);
    const user = await db.user.findUnique({ where: { clusterId_username: { clusterId: cluster.id, username } } });
    if (!user || !user.mfaPublicKey || !(await reserveAttempt(user.id))) {
      throw new OpError(401, SIGN_IN_FAILED, { auditReason: !user ? "unknown user" : !user.mfaPublicKey ? "no MFA key" : "account locked" });
    }
    if (role && role !== user.role) {
      await countFailure(ctx, user);
      throw new OpError(401, SIGN_IN_FAILED, { auditReason: "wrong role" });
    }
    try {
      const challenge = await locateChallenge(signed_token_file, { purpose: "login", clusterId: cluster.id, userId: user.id });
      requireSignedTokens(loadStoredPublicKey(user.mfaPublicKey), challenge.expected, signed_token_file);
      return await openSession({ user, username, kind, ctx, audit, after: { mfa: "token-sign" } }, (tx) => consumeChallenge(tx, challenge.id));
    } catch (e) {
      await countFailure(ctx, user);
      throw e;
    }
  });
}
