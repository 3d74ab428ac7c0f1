import "server-only";
import { db } from "../db/client";
import { OpError } from "../errors";

/** The cluster a sign-in names (the CLI's --cluster-id), or the only one when there is just one. */
export async function resolveCluster(clusterId: string | undefined): Promise<{ id: string; name: string }> {
  if (clusterId) {
    const cluster = await db.cluster.findUnique({ where: { id: clusterId }, select: { id: true, name: true } });
    if (!cluster) throw new OpError(404, `No cluster with id ${clusterId}. GET /api/v1/clusters lists them.`);
    return cluster;
  }
  const clusters = await db.cluster.findMany({ select: { id: true, name: true }, take: 2, orderBy: { createdAt: "asc" } });
  if (clusters.length === 1) return clusters[0];
  if (clusters.length === 0) throw new OpError(404, "No cluster is configured yet: run npm run bootstrap or open the setup link.");
  throw new OpError(400, "Several clusters are configured: choose one (cluster_id, as the CLI's --cluster-id).", {
    fieldErrors: { cluster_id: ["Choose a cluster."] },
  });
}
