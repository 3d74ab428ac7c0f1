import "server-only";
import type { Ctx } from "../auth/actor";
import { authorize } from "../auth/guard";
import { db } from "../db/client";
import { listHsms } from "./hsms";

/** Clusters for the sign-in picker and `GET /api/v1/clusters`: ids and names only. */
export function listClusters() {
  return db.cluster.findMany({ select: { id: true, name: true }, orderBy: { createdAt: "asc" } });
}

/** The signed-in user's cluster with its HSMs and settings. */
export async function describeCluster(ctx: Ctx) {
  const actor = authorize(ctx, "cluster describe", { roles: ["admin", "crypto-user"] });
  const cluster = await db.cluster.findUniqueOrThrow({ where: { id: actor.clusterId } });
  const [hsms, users, admins] = await Promise.all([
    listHsms(db, actor.clusterId),
    db.user.count({ where: { clusterId: actor.clusterId } }),
    db.user.count({ where: { clusterId: actor.clusterId, role: "admin" } }),
  ]);
  return { cluster, hsms, users, admins };
}
