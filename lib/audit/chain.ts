import "server-only";
import { createHash } from "node:crypto";

/** Events with no cluster (a sign-in to an unknown cluster, say) form a chain of their own. */
export const GLOBAL_CHAIN = "global";
export const GENESIS_HASH = "0".repeat(64);

export const chainOf = (clusterId: string | null | undefined) => clusterId ?? GLOBAL_CHAIN;

/** Every stored column of an event but `hash` itself, as the chain sees it. */
export type ChainedFields = {
  id: string;
  chain: string;
  seq: number;
  prevHash: string;
  createdAt: Date;
  clusterId: string | null;
  actorUserId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  operation: string;
  target: string | null;
  outcome: string;
  error: string | null;
  ip: string | null;
  userAgent: string | null;
  before: string | null;
  after: string | null;
};

/**
 * SHA-256 (hex) over a fixed-order JSON array of the event's columns, including the previous event's hash.
 * The order and the "v1" tag are part of the format: change them and every stored chain stops verifying.
 */
export function eventHash(e: ChainedFields): string {
  const fields = [
    "v1", e.chain, e.seq, e.prevHash, e.id, e.createdAt.toISOString(), e.clusterId, e.actorUserId, e.actorUsername,
    e.actorRole, e.operation, e.target, e.outcome, e.error, e.ip, e.userAgent, e.before, e.after,
  ];
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}
