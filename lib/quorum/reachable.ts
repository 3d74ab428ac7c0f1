import "server-only";
import type { Db, Tx } from "../db/client";
import { lockCluster } from "../db/locks";
import { OpError } from "../errors";

/**
 * Admins able to approve: role admin with a quorum key. A quorum value above that count could never be met,
 * so operations that remove approvers (user delete, deregister_quorum) call this after their change, in their transaction.
 */
export async function countApprovers(tx: Db, clusterId: string): Promise<number> {
  return tx.user.count({ where: { clusterId, role: "admin", quorumFingerprint: { not: null } } });
}

export async function assertQuorumReachable(tx: Tx, clusterId: string, what: string): Promise<void> {
  // Waits for any other change of the cluster's approvers, then counts what is committed (decision 0103).
  await lockCluster(tx, clusterId);
  const cluster = await tx.cluster.findUniqueOrThrow({ where: { id: clusterId }, select: { quorumUser: true, quorumQuorum: true } });
  const needed = Math.max(cluster.quorumUser, cluster.quorumQuorum);
  if (needed <= 1) return;
  const left = await countApprovers(tx, clusterId);
  if (left < needed) {
    const service = cluster.quorumUser >= cluster.quorumQuorum ? "user" : "quorum";
    throw new OpError(409, `${what} would leave ${left} admin${left === 1 ? "" : "s"} with a quorum key, fewer than the ${needed} approvals the ${service} service needs: nobody could approve its operations any more. Lower the quorum value first, or register another admin's quorum key.`);
  }
}
