import "server-only";
import type { Ctx, Role } from "../auth/actor";
import { authorizeRead } from "../auth/authorize-read";
import { now } from "../clock";
import { db } from "../db/client";
import { approvalFileText, decodeApprovalData } from "./approval-file";
import { describeOperation } from "./services";
import { isLive, requiredFor, secondsLeft } from "./timing";

export type TokenView = {
  token: string;
  username: string;
  service: string;
  operation: Record<string, string | number> | null;
  description: string;
  approvals_required: number;
  number_of_approvals: number;
  approved_by: string[];
  token_timeout_seconds: number;
  approved: boolean;
  approval_data: string;
  expires_at: string;
};

/** The live tokens of the actor's cluster (unused, not lapsed), oldest first, with their progress. */
export async function liveTokens(
  ctx: Ctx,
  command = "quorum token-sign list",
  roles: readonly Role[] = ["admin"],
): Promise<{ tokens: (TokenView & { mine: boolean; thisSession: boolean })[]; approvalFiles: Map<string, string> }> {
  const actor = await authorizeRead(ctx, command, { roles });
  const t = now();
  const [cluster, rows] = await Promise.all([
    db.cluster.findUniqueOrThrow({ where: { id: actor.clusterId } }),
    db.quorumToken.findMany({
      where: { clusterId: actor.clusterId, usedAt: null },
      include: { requester: { select: { username: true } }, approvals: { include: { approver: { select: { username: true } } }, orderBy: { createdAt: "asc" } } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const approvalFiles = new Map<string, string>();
  const tokens = rows
    .filter((r) => isLive(r, cluster.timeoutApproved, t))
    .map((r) => {
      const operation = r.operation ? (JSON.parse(r.operation) as Record<string, string | number>) : null;
      const required = requiredFor(cluster, r.service);
      if (r.requesterId === actor.userId) approvalFiles.set(r.token, approvalFileText(r.approvalData, r.token));
      return {
        token: r.token,
        username: r.requester.username,
        service: r.service,
        operation,
        description: describeOperation(operation, r.service),
        approvals_required: required,
        number_of_approvals: r.approvals.length,
        approved_by: r.approvals.map((a) => a.approver.username),
        token_timeout_seconds: secondsLeft(r, cluster.timeoutApproved, t),
        approved: r.approvals.length >= required,
        approval_data: r.approvalData,
        expires_at: decodeApprovalData(r.approvalData).expires_at,
        mine: r.requesterId === actor.userId,
        thisSession: r.sessionId === actor.sessionId,
      };
    });
  return { tokens, approvalFiles };
}

/** `quorum token-sign list` (everyone, as in the CLI): service, requester, approvals required and so far, seconds left. */
export async function listQuorumTokens(ctx: Ctx) {
  const { tokens } = await liveTokens(ctx, "quorum token-sign list", ["admin", "crypto-user"]);
  return {
    tokens: tokens.map(({ username, service, description, operation, approvals_required, number_of_approvals, approved_by, token_timeout_seconds, token }) => ({
      username,
      service,
      operation,
      description,
      approvals_required,
      number_of_approvals,
      approved_by,
      token_timeout_seconds,
      token,
    })),
  };
}
