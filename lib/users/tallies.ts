import "server-only";
import { db } from "../db/client";

export type UserTallies = {
  adminsWithoutMfa: number; adminsWithMfa: number; cryptoWithoutMfa: number; cryptoWithMfa: number;
  locked: number; weakKeys: number; oldKeys: number; neverSignedIn: number; quorumKeyAdmins: number;
};

/**
 * Every count of the overview from the cluster's UserTally rows, which database triggers keep as users change
 * (migration 0008_user_tallies, decision 0094): a few dozen rows however many users there are. Each count is
 * the twin of a `userWhere` filter (lib/users/list.ts); lib/overview/overview.test.ts checks each against its
 * list. `keysOlderThan` is a UTC midnight, so a key's registration day decides.
 */
export async function userTallies(clusterId: string, strongKeyBits: number, keysOlderThan: Date): Promise<UserTallies> {
  const rows = await db.userTally.findMany({ where: { clusterId, users: { gt: 0 } }, select: { kind: true, value: true, users: true } });
  const cutoffDay = keysOlderThan.toISOString().slice(0, 10);
  const sum = (pick: (kind: string, value: string) => boolean) => rows.reduce((n, r) => (pick(r.kind, r.value) ? n + r.users : n), 0);
  const cell = (value: string) => sum((k, v) => k === "cell" && v === value);
  return {
    adminsWithoutMfa: cell("admin:off"),
    adminsWithMfa: cell("admin:on"),
    cryptoWithoutMfa: cell("crypto-user:off"),
    cryptoWithMfa: cell("crypto-user:on"),
    locked: sum((k) => k === "locked"),
    weakKeys: sum((k, v) => k === "key-bits" && Number(v) < strongKeyBits),
    oldKeys: sum((k, v) => k === "key-day" && v < cutoffDay),
    neverSignedIn: sum((k) => k === "never"),
    quorumKeyAdmins: sum((k) => k === "quorum-admin"),
  };
}

/** Every user of the cluster: the users list's total when nothing filters it. */
export async function clusterUserCount(clusterId: string): Promise<number> {
  const cells = await db.userTally.aggregate({ where: { clusterId, kind: "cell" }, _sum: { users: true } });
  return cells._sum.users ?? 0;
}
