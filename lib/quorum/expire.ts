import "server-only";
import { recordAudit } from "../audit/record";
import { now } from "../clock";
import { db } from "../db/client";
import { isLive } from "./timing";

const SWEEPER = { ip: "console", userAgent: "quorum expiry sweep" };

/**
 * Records each quorum token that lapsed unused (`quorum token-sign expire`), once: the conditional update
 * lets exactly one sweeper (of however many instances) write the event, in the same transaction.
 */
export async function recordExpiredQuorumTokens(limit = 100): Promise<number> {
  const t = now();
  const candidates = await db.quorumToken.findMany({
    where: { usedAt: null, expiredAt: null, OR: [{ approvedAt: null, expiresAt: { lt: t } }, { approvedAt: { not: null } }] },
    include: { cluster: { select: { timeoutApproved: true } }, requester: { select: { username: true } } },
    orderBy: { expiresAt: "asc" },
    take: limit,
  });
  let recorded = 0;
  for (const row of candidates.filter((c) => !isLive(c, c.cluster.timeoutApproved, t))) {
    await db.$transaction(async (tx) => {
      const won = await tx.quorumToken.updateMany({ where: { id: row.id, usedAt: null, expiredAt: null }, data: { expiredAt: t } });
      if (won.count !== 1) return;
      recorded++;
      await recordAudit(tx, {
        clusterId: row.clusterId,
        operation: "quorum token-sign expire",
        target: `${row.service} token of ${row.requester.username}`,
        outcome: "success",
        meta: SWEEPER,
        after: { token: row.token, service: row.service, approved: row.approvedAt !== null },
      });
    });
  }
  return recorded;
}
