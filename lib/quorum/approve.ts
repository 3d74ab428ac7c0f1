import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/actor";
import { authorize } from "../auth/guard";
import { runOperation } from "../audit/operation";
import { now } from "../clock";
import { db } from "../db/client";
import { lockQuorumToken } from "../db/locks";
import { OpError } from "../errors";
import { decodeStrictBase64 } from "../token-files/strict-base64";
import { parseInput } from "../validation";
import { readApprovalFile } from "./approval-file";
import { verifyApprovalSignatures } from "./signatures";
import { requiredFor } from "./timing";

const NOT_RECORDED = "The approval was not recorded";

// The API sends the approval file with the caller's signature added (as the CLI passes it around); the
// Approvals page may send just the token and the caller's signature.
export const approveSchema = z.strictObject({
  approval_file: z.unknown().optional(),
  token: z.string().trim().optional(),
  signature: z.string().max(4096, "A signature is at most 684 characters of base64.").optional(),
});

/** `quorum token-sign approve` (admin): records verified signatures over a token, each approver once. */
export async function approveQuorumToken(ctx: Ctx, input: unknown) {
  return runOperation(ctx, "quorum token-sign approve", async (audit) => {
    const actor = authorize(ctx, "quorum token-sign approve", { roles: ["admin"] });
    const data = parseInput(approveSchema, input);
    let token: string;
    let signatures: { username: string; signature: string }[];
    if (data.approval_file !== undefined && data.approval_file !== "") {
      const file = readApprovalFile(data.approval_file, NOT_RECORDED);
      ({ token, signatures } = file);
    } else {
      if (!data.token || decodeStrictBase64(data.token)?.length !== 32) throw new OpError(400, "Give the approval file (approval_file), or the token to approve and your signature.");
      if (!data.signature?.trim()) throw new OpError(400, "Paste your signature: the output of `base64 -w0 token.sig.bin`.", { fieldErrors: { signature: ["Paste the base64 signature."] } });
      token = data.token;
      signatures = [{ username: actor.username, signature: data.signature }];
    }
    if (!signatures.some((s) => s.username === actor.username)) {
      throw new OpError(422, `${NOT_RECORDED}: the file has no signature by you (${actor.username}). Add {"username": "${actor.username}", "signature": "<base64>"} to its "signatures".`);
    }
    return db.$transaction(async (tx) => {
      // Approvals arriving together on several instances are counted one after another (decision 0103).
      await lockQuorumToken(tx, token);
      const row = await tx.quorumToken.findUnique({ where: { token }, include: { approvals: true, requester: { select: { username: true } } } });
      if (!row || row.clusterId !== actor.clusterId) throw new OpError(404, `${NOT_RECORDED}: there is no quorum token with this value in this cluster (it was deleted, or the file was changed).`);
      audit.target = `${row.service} token of ${row.requester.username}`;
      const t = now();
      if (row.usedAt) throw new OpError(409, `${NOT_RECORDED}: this token was already used.`);
      const cluster = await tx.cluster.findUniqueOrThrow({ where: { id: actor.clusterId } });
      if (t > row.expiresAt) {
        throw new OpError(409, `${NOT_RECORDED}: this token expired; approvals are collected within ${cluster.timeoutGenerated} seconds of generating it. Ask ${row.requester.username} to generate a new one.`);
      }
      const verified = await verifyApprovalSignatures(tx, actor.clusterId, Buffer.from(token, "base64"), signatures, NOT_RECORDED);
      const already = new Set(row.approvals.map((a) => a.approverId));
      const added = verified.filter((v) => !already.has(v.approverId));
      if (already.has(actor.userId) && added.length === 0) {
        throw new OpError(409, `${NOT_RECORDED}: you already approved this token; each approver counts once.`);
      }
      for (const a of added) {
        await tx.quorumApproval.create({ data: { tokenId: row.id, approverId: a.approverId, fingerprint: a.fingerprint, signature: a.signature, createdAt: t } });
      }
      const required = requiredFor(cluster, row.service);
      const count = already.size + added.length;
      if (count >= required && !row.approvedAt) await tx.quorumToken.update({ where: { id: row.id }, data: { approvedAt: t } });
      const result = { approvals_required: required, number_of_approvals: count };
      await audit.success(tx, { after: { token, approved_by: added.map((a) => ({ username: a.username, fingerprint: a.fingerprint })), ...result } });
      return result;
    });
  });
}
