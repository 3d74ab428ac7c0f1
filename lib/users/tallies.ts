import "server-only";
import { db } from "../db/client";

export type UserTallies = {
  adminsWithoutMfa: number; adminsWithMfa: number; cryptoWithoutMfa: number; cryptoWithMfa: number;
  locked: number; weakKeys: number; oldKeys: number; neverSignedIn: number; quorumKeyAdmins: number;
};

type TallyRow = { kind: string; value: string; users: number };

const rowsOf = (clusterId: string): Promise<TallyRow[]> =>
  db.userTally.findMany({ where: { clusterId, users: { gt: 0 } }, select: { kind: true, value: true, users: true } });

const sumOf = (rows: TallyRow[], pick: (kind: string, value: string) => boolean) => rows.reduce((n, r) => (pick(r.kind, r.value) ? n + r.users : n), 0);

/**
 * Every count of the overview from the cluster's UserTally rows, which database triggers keep as users change
 * (migration 0008_user_tallies, decision 0094): a few dozen rows however many users there are. Each count is
 * the twin of a `userWhere` filter (lib/users/list.ts); lib/overview/overview.test.ts checks each against its
 * list. `keysOlderThan` is a UTC midnight, so a key's registration day decides.
 */
export async function userTallies(clusterId: string, strongKeyBits: number, keysOlderThan: Date): Promise<UserTallies> {
  const rows = await rowsOf(clusterId);
  const cutoffDay = keysOlderThan.toISOString().slice(0, 10);
  const sum = (pick: (kind: string, value: string) => boolean) => sumOf(rows, pick);
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

export type TallyFilters = {
  role?: string; mfa?: "enabled" | "disabled"; quorum?: "enabled" | "disabled"; locked?: "true" | "false"; key_bits?: number;
  key_age?: "over_1y"; never_signed_in?: "true" | "false"; search?: string;
};

/**
 * The users list's total from the tallies, when its filters select exactly one tally (every list the overview
 * links to, and the unfiltered list); null when the filters need a count of their own.
 */
export async function tallyTotal(clusterId: string, f: TallyFilters, keysOlderThan: Date): Promise<number | null> {
  const used = Object.entries(f).filter(([, v]) => v !== undefined).map(([k]) => k).sort().join(",");
  const cellFilter = (kind: string, value: string) => {
    const [role, mfa] = value.split(":");
    return kind === "cell" && (!f.role || f.role === role) && (!f.mfa || (f.mfa === "enabled") === (mfa === "on"));
  };
  let pick: ((kind: string, value: string) => boolean) | undefined;
  if (["", "role", "mfa", "mfa,role"].includes(used)) pick = cellFilter;
  else if (used === "locked" && f.locked === "true") pick = (k) => k === "locked";
  else if (used === "never_signed_in" && f.never_signed_in === "true") pick = (k) => k === "never";
  else if (used === "quorum,role" && f.role === "admin" && f.quorum === "enabled") pick = (k) => k === "quorum-admin";
  else if (used === "key_bits") pick = (k, v) => k === "key-bits" && Number(v) < f.key_bits!;
  else if (used === "key_age") pick = (k, v) => k === "key-day" && v < keysOlderThan.toISOString().slice(0, 10);
  return pick ? sumOf(await rowsOf(clusterId), pick) : null;
}
