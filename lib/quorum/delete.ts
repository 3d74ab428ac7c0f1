import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/actor";
import { authorize } from "../auth/guard";
import { runOperation } from "../audit/operation";
import { db } from "../db/client";
import { parseInput } from "../validation";

export const deleteTokensSchema = z.strictObject({
  scope: z.enum(["user", "all"], { error: 'Scope must be "user" (your own tokens) or "all" (every token of the cluster).' }),
});

/** `quorum token-sign delete` (admin): your own unused tokens, or every unused token of the cluster. */
export async function deleteQuorumTokens(ctx: Ctx, input: unknown): Promise<{ deleted: number }> {
  return runOperation(ctx, "quorum token-sign delete", async (audit) => {
    const actor = authorize(ctx, "quorum token-sign delete", { roles: ["admin"] });
    const { scope } = parseInput(deleteTokensSchema, input);
    audit.target = scope === "all" ? "all tokens" : `tokens of ${actor.username}`;
    return db.$transaction(async (tx) => {
      const where = { clusterId: actor.clusterId, usedAt: null, ...(scope === "user" ? { requesterId: actor.userId } : {}) };
      const { count } = await tx.quorumToken.deleteMany({ where });
      await audit.success(tx, { after: { scope, deleted: count } });
      return { deleted: count };
    });
  });
}
