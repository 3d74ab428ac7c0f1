import { apiRoute } from "@/lib/api/route";
import { listQuorumValues } from "@/lib/quorum/settings";

export const GET = apiRoute({ auth: true, body: "none" }, async (ctx) => {
  const { user, quorum } = await listQuorumValues(ctx);
  return { user, quorum };
});
