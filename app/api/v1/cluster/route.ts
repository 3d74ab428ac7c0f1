import { apiRoute } from "@/lib/api/route";
import { describeCluster } from "@/lib/clusters/read";

export const GET = apiRoute({ auth: true, body: "none" }, async (ctx) => {
  const { cluster, hsms, users, admins } = await describeCluster(ctx);
  return {
    cluster_id: cluster.id,
    name: cluster.name,
    hsms: hsms.map((h) => ({ hsm_id: h.id, label: h.label, created_at: h.createdAt })),
    users,
    admins,
  };
});
