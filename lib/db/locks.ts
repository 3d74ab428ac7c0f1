import "server-only";
import type { Tx } from "./client";

/**
 * Holds the cluster's row until the transaction ends, so checks over the whole cluster (the last admin,
 * enough approvers for the quorum value, the HSM count) see every change committed before them and none
 * lands beside them. On PostgreSQL the UPDATE takes the row lock that READ COMMITTED would otherwise
 * leave out (two admins removing each other at once would both see one admin left); on SQLite the queue
 * already serializes, and it is a write of nothing. Portable Prisma, no raw SQL (docs/decisions/0103).
 */
export async function lockCluster(tx: Tx, clusterId: string): Promise<void> {
  await tx.cluster.updateMany({ where: { id: clusterId }, data: { quorumUser: { increment: 0 } } });
}

/** The same for one quorum token: approvals of it are counted one writer at a time. */
export async function lockQuorumToken(tx: Tx, token: string): Promise<void> {
  await tx.quorumToken.updateMany({ where: { token }, data: { token } });
}
