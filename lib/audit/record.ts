import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor, RequestMeta } from "../auth/actor";
import type { Db, Tx } from "../db/client";
import { now } from "../clock";
import { enqueueEvent } from "../events/outbox";
import { takeChainLink } from "../db/raw-sql";
import { countAuditEvent } from "../ops/audit-metrics";
import { chainOf, eventHash, GENESIS_HASH, type ChainedFields } from "./chain";

export type AuditEntry = {
  clusterId?: string | null;
  actor?: Pick<Actor, "userId" | "username" | "role"> | null;
  operation: string;
  target?: string | null;
  outcome: "success" | "failure";
  error?: string | null;
  meta: RequestMeta;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/**
 * Appends one audit event, chained to the previous event of its cluster. Callers pass only non-secret
 * fields; passwords and keys' private halves never come here. Called with a transaction, the event
 * commits or rolls back with the operation; called with the client, it opens its own transaction.
 */
export async function recordAudit(client: Db, e: AuditEntry): Promise<void> {
  if ("$transaction" in client) return client.$transaction((tx) => append(tx, e));
  return append(client, e);
}

/**
 * Taking the next number locks the chain's head row first (lib/db/raw-sql.ts): concurrent appenders of one
 * chain, on any instance, wait for each other (PostgreSQL) or for the single writer (SQLite), so each reads
 * the head its predecessor committed. The unique (chain, seq) index refuses a fork regardless.
 */
async function append(tx: Tx, e: AuditEntry): Promise<void> {
  const chain = chainOf(e.clusterId);
  const { seq, prevHash } = await takeChainLink(tx, chain, GENESIS_HASH);
  const fields: ChainedFields = {
    id: randomUUID(),
    chain,
    seq,
    prevHash,
    createdAt: now(),
    clusterId: e.clusterId ?? null,
    actorUserId: e.actor?.userId ?? null,
    actorUsername: e.actor?.username ?? null,
    actorRole: e.actor?.role ?? null,
    operation: e.operation,
    target: e.target ?? null,
    outcome: e.outcome,
    error: e.error ?? null,
    ip: e.meta.ip,
    userAgent: e.meta.userAgent,
    before: e.before ? JSON.stringify(e.before) : null,
    after: e.after ? JSON.stringify(e.after) : null,
  };
  const hash = eventHash(fields);
  await tx.auditEvent.create({ data: { ...fields, hash } });
  await tx.auditChainHead.update({ where: { chain }, data: { hash } });
  // The operations seam: webhooks and syslog get the event from the outbox, /metrics counts it.
  await enqueueEvent(tx, { ...fields, hash });
  countAuditEvent(e);
}
