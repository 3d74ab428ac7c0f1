import "server-only";
import type { Ctx } from "../auth/actor";
import { authorize } from "../auth/guard";
import { chainOf } from "../audit/chain";
import { lastVerification } from "../audit/verify";
import { db } from "../db/client";
import { MIN_RSA_BITS } from "../keys/key-requirements";
import { keyAttentionBits, keysOlderThan } from "../users/list";
import { userTallies } from "../users/tallies";

/** A number on the overview and the users-list filter that selects exactly the users it counts. */
export type Tally = { count: number; filter: Record<string, string> };

export type QuorumService = { service: "user" | "quorum"; m: number; keyHolders: number; state: "off" | "ok" | "thin" | "blocked" };

const ADMINS_SHOWN = 10;

/**
 * The cluster at a glance. Every number counts the users that the users-list filter it links to selects,
 * so a link lands on exactly the users it counted. The counts come from the tallies the database keeps
 * (lib/overview/tallies.ts); the test checks each one against the list its filter gives.
 */
export async function clusterOverview(ctx: Ctx) {
  const actor = authorize(ctx, "cluster overview", { roles: ["admin", "crypto-user"] });
  const cluster = await db.cluster.findUniqueOrThrow({ where: { id: actor.clusterId }, select: { quorumUser: true, quorumQuorum: true } });
  const bits = keyAttentionBits();
  const c = await userTallies(actor.clusterId, bits, keysOlderThan());
  const t = (count: number, filter: Record<string, string>): Tally => ({ count, filter });
  const users = {
    adminsWithoutMfa: t(c.adminsWithoutMfa, { role: "admin", mfa: "disabled" }),
    adminsWithMfa: t(c.adminsWithMfa, { role: "admin", mfa: "enabled" }),
    cryptoWithoutMfa: t(c.cryptoWithoutMfa, { role: "crypto-user", mfa: "disabled" }),
    cryptoWithMfa: t(c.cryptoWithMfa, { role: "crypto-user", mfa: "enabled" }),
    // Every user is an admin or a crypto user, so the totals are sums of the cells.
    all: t(c.adminsWithoutMfa + c.adminsWithMfa + c.cryptoWithoutMfa + c.cryptoWithMfa, {}),
    admins: t(c.adminsWithoutMfa + c.adminsWithMfa, { role: "admin" }),
    cryptoUsers: t(c.cryptoWithoutMfa + c.cryptoWithMfa, { role: "crypto-user" }),
    mfaEnabled: t(c.adminsWithMfa + c.cryptoWithMfa, { mfa: "enabled" }),
    mfaDisabled: t(c.adminsWithoutMfa + c.cryptoWithoutMfa, { mfa: "disabled" }),
  };
  const attention = {
    locked: t(c.locked, { locked: "true" }),
    // No accepted key is under the smallest accepted size: at the default the row would always say 0.
    weakKeys: bits > MIN_RSA_BITS ? { ...t(c.weakKeys, { key_bits: `under_${bits}` }), bits } : null,
    oldKeys: t(c.oldKeys, { key_age: "over_1y" }),
    neverSignedIn: t(c.neverSignedIn, { never_signed_in: "true" }),
  };
  const keyHolders = t(c.quorumKeyAdmins, { role: "admin", quorum: "enabled" });
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
