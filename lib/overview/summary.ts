import "server-only";
import type { Ctx } from "../auth/actor";
import { authorize } from "../auth/guard";
import { chainOf } from "../audit/chain";
import { lastVerification } from "../audit/verify";
import { db } from "../db/client";
import { keyTests, listUsersSchema, userWhere } from "../users/list";

/** A number on the overview and the users-list filter that selects exactly the users it counts. */
export type Tally = { count: number; filter: Record<string, string> };

export type QuorumService = { service: "user" | "quorum"; m: number; keyHolders: number; state: "off" | "ok" | "thin" | "blocked" };

const ADMINS_SHOWN = 10;

/**
 * The cluster at a glance. Every number counts the users that `userWhere(filter)` selects, the very query
 * the users list runs for the filter it links to, so a link lands on exactly the users it counted (a few
 * are computed as sums of disjoint counts for speed; the test checks each against its list).
 */
export async function clusterOverview(ctx: Ctx) {
  const actor = authorize(ctx, "cluster overview", { roles: ["admin", "crypto-user"] });
  const tally = async (filter: Record<string, string>): Promise<Tally> => ({
    count: await db.user.count({ where: userWhere(actor.clusterId, listUsersSchema.parse(filter)) }),
    filter,
  });
  const cluster = await db.cluster.findUniqueOrThrow({ where: { id: actor.clusterId }, select: { quorumUser: true, quorumQuorum: true } });
  // Four counted cells; the totals are their sums (every user is admin or crypto-user), which spares the
  // largest index scans and still equals what each total's filter lists.
  const cells = {
    adminsWithoutMfa: await tally({ role: "admin", mfa: "disabled" }),
    adminsWithMfa: await tally({ role: "admin", mfa: "enabled" }),
    cryptoWithoutMfa: await tally({ role: "crypto-user", mfa: "disabled" }),
    cryptoWithMfa: await tally({ role: "crypto-user", mfa: "enabled" }),
  };
  const sum = (filter: Record<string, string>, ...parts: Tally[]): Tally => ({ count: parts.reduce((n, p) => n + p.count, 0), filter });
  const users = {
    ...cells,
    all: sum({}, ...Object.values(cells)),
    admins: sum({ role: "admin" }, cells.adminsWithMfa, cells.adminsWithoutMfa),
    cryptoUsers: sum({ role: "crypto-user" }, cells.cryptoWithMfa, cells.cryptoWithoutMfa),
    mfaEnabled: sum({ mfa: "enabled" }, cells.adminsWithMfa, cells.cryptoWithMfa),
    mfaDisabled: sum({ mfa: "disabled" }, cells.adminsWithoutMfa, cells.cryptoWithoutMfa),
  };
  // "Either key" counted as (MFA key matches) + (quorum key matches, MFA key does not): two index range
  // counts instead of an OR that makes SQLite merge rowids; the same users as the filter selects.
  const keys = keyTests();
  const eitherKey = async (name: keyof typeof keys, value: string): Promise<Tally> => {
    const t = keys[name];
    const [mfa, quorumOnly] = [
      await db.user.count({ where: { clusterId: actor.clusterId, ...t.mfa } }),
      await db.user.count({ where: { clusterId: actor.clusterId, AND: [t.quorum, t.mfaFails] } }),
    ];
    return { count: mfa + quorumOnly, filter: { [name]: value } };
  };
  const attention = {
    locked: await tally({ locked: "true" }),
    weakKeys: await eitherKey("key_bits", "under_3072"),
    oldKeys: await eitherKey("key_age", "over_1y"),
    neverSignedIn: await tally({ never_signed_in: "true" }),
  };
  const keyHolders = await tally({ role: "admin", quorum: "enabled" });
  const adminsWithoutMfaNames = await db.user.findMany({
    where: { clusterId: actor.clusterId, role: "admin", mfaFingerprint: null },
    select: { username: true },
    orderBy: { username: "asc" },
    take: ADMINS_SHOWN,
  });
  const quorum = ([["user", cluster.quorumUser], ["quorum", cluster.quorumQuorum]] as const).map(([service, m]) => quorumState(service, m, keyHolders.count));
  const verification = actor.role === "admin" ? await lastVerification(chainOf(actor.clusterId)) : null;
  return { users, attention, keyHolders, quorum, adminsWithoutMfa: adminsWithoutMfaNames.map((u) => u.username), verification };
}

/**
 * M approvals need M admins with quorum keys; with fewer than M + 1, losing one admin's key blocks the
 * service. With M = 1 an operation needs no approval from anyone else, so nothing can be blocked.
 */
export function quorumState(service: QuorumService["service"], m: number, keyHolders: number): QuorumService {
  const state = m <= 1 ? "off" : keyHolders < m ? "blocked" : keyHolders < m + 1 ? "thin" : "ok";
  return { service, m, keyHolders, state };
}

export type ClusterOverview = Awaited<ReturnType<typeof clusterOverview>>;
