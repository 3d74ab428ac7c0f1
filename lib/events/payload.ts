import "server-only";
import type { ChainedFields } from "../audit/chain";
import type { Tx } from "../db/client";
import { describeOperation } from "../quorum/services";
import { requiredFor } from "../quorum/timing";

/** What approvers are told: who asks, for what, how far it got, and who could still approve. */
export type QuorumNotice = {
  token: string;
  service: string;
  requester: string;
  operation: string;
  approvals_required: number;
  number_of_approvals: number;
  approved_by: string[];
  can_approve: string[];
  expires_at: string;
};

/** The JSON body every sink sends for one audit event (README "Operating it" documents it). */
export type EventPayload = {
  id: string;
  type: string;
  cluster_id: string | null;
  chain: string;
  seq: number;
  time: string;
  actor: { username: string | null; role: string | null } | null;
  target: string | null;
  outcome: string;
  error: string | null;
  ip: string | null;
  user_agent: string | null;
  before: unknown;
  after: unknown;
  hash: string;
  quorum?: QuorumNotice;
  /** One line for people: chat tools that take `{"text": …}` show it as it is. */
  text: string;
};

const QUORUM_EVENTS = new Set(["quorum token-sign generate", "quorum token-sign approve", "quorum token-sign use", "quorum token-sign expire"]);
const parse = (json: string | null) => (json ? (JSON.parse(json) as Record<string, unknown>) : null);

/** Built inside the event's transaction, so a quorum notice sees the token exactly as the event left it. */
export async function eventPayload(tx: Tx, e: ChainedFields & { hash: string }): Promise<EventPayload> {
  const after = parse(e.after);
  const quorum = QUORUM_EVENTS.has(e.operation) && typeof after?.token === "string" ? await quorumNotice(tx, e, after.token) : undefined;
  const payload: EventPayload = {
    id: e.id,
    type: e.operation,
    cluster_id: e.clusterId,
    chain: e.chain,
    seq: e.seq,
    time: e.createdAt.toISOString(),
    actor: e.actorUsername || e.actorRole ? { username: e.actorUsername, role: e.actorRole } : null,
    target: e.target,
    outcome: e.outcome,
    error: e.error,
    ip: e.ip,
    user_agent: e.userAgent,
    before: parse(e.before),
    after,
    hash: e.hash,
    ...(quorum ? { quorum } : {}),
    text: "",
  };
  payload.text = summary(payload);
  return payload;
}

async function quorumNotice(tx: Tx, e: ChainedFields, token: string): Promise<QuorumNotice | undefined> {
  const row = await tx.quorumToken.findUnique({
    where: { token },
    include: { requester: { select: { username: true } }, approvals: { include: { approver: { select: { username: true } } } }, cluster: true },
  });
  if (!row) return undefined;
  const approvedBy = row.approvals.map((a) => a.approver.username).sort();
  const open = e.operation === "quorum token-sign generate" || e.operation === "quorum token-sign approve";
  const keyHolders = open
    ? await tx.user.findMany({ where: { clusterId: row.clusterId, role: "admin", quorumFingerprint: { not: null } }, select: { username: true }, orderBy: { username: "asc" } })
    : [];
  const op = row.operation ? (JSON.parse(row.operation) as Record<string, string | number>) : null;
  return {
    token,
    service: row.service,
    requester: row.requester.username,
    operation: describeOperation(op, row.service),
    approvals_required: requiredFor(row.cluster, row.service),
    number_of_approvals: approvedBy.length,
    approved_by: approvedBy,
    can_approve: keyHolders.map((u) => u.username).filter((u) => !approvedBy.includes(u)),
    expires_at: row.expiresAt.toISOString(),
  };
}

function summary(p: EventPayload): string {
  const who = p.actor?.username ?? "the console";
  const q = p.quorum;
  if (q) {
    const progress = `${q.number_of_approvals} of ${q.approvals_required} approvals`;
    switch (p.type) {
      case "quorum token-sign generate":
        return `${q.requester} asks for quorum approval to ${q.operation} (${progress}). Can approve: ${q.can_approve.join(", ") || "nobody yet: no admin holds a quorum key"}. Expires ${q.expires_at}.`;
      case "quorum token-sign approve":
        return `${who} approved ${q.requester}'s request to ${q.operation} (${progress}).${q.can_approve.length ? ` Can still approve: ${q.can_approve.join(", ")}.` : ""}`;
      case "quorum token-sign use":
        return `${q.requester} used the approval to ${q.operation}.`;
      case "quorum token-sign expire":
        return `${q.requester}'s request to ${q.operation} expired unused (${progress}).`;
    }
  }
  const target = p.target ? ` ${p.target}` : "";
  return `${who}: ${p.type}${target}: ${p.outcome}${p.error ? ` (${p.error})` : ""}`;
}
