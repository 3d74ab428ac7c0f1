import "server-only";
import type { Ctx } from "../auth/actor";
import { db } from "../db/client";
import { liveTokens } from "./list";
import { describeOperation, type Service } from "./services";
import { requiredFor } from "./timing";

export type ApprovalOptions = {
  required: number;
  service: Service;
  /** The requester's fully approved tokens of the service: the approval file as generated, and what it approves. */
  tokens: { value: string; label: string; token: string; command: string | null }[];
  /** Tokens of the service still collecting approvals, for "1 of 2 approvals" progress. */
  pending: { label: string; progress: string }[];
};

/** What an operation's form needs to say about quorum: how many approvals, and the tokens that can carry them. */
export async function approvalOptions(ctx: Ctx & { actor: { clusterId: string; role: string } }, service: Service): Promise<ApprovalOptions | null> {
  if (ctx.actor.role !== "admin") return null;
  const cluster = await db.cluster.findUniqueOrThrow({ where: { id: ctx.actor.clusterId } });
  const required = requiredFor(cluster, service);
  if (required <= 1) return null;
  const { tokens, approvalFiles } = await liveTokens(ctx);
  // Only tokens of this session can be used here (a token is bound to the session that generated it).
  const mine = tokens.filter((t) => t.mine && t.thisSession && t.service === service);
  return {
    required,
    service,
    tokens: mine.filter((t) => t.approved).map((t) => ({
      value: approvalFiles.get(t.token)!,
      label: `${describeOperation(t.operation, service)} (${t.token_timeout_seconds} s left)`,
      token: t.token,
      command: t.operation ? String(t.operation.command) : null,
    })),
    pending: mine.filter((t) => !t.approved).map((t) => ({ label: describeOperation(t.operation, service), progress: `${t.number_of_approvals} of ${t.approvals_required} approvals` })),
  };
}
