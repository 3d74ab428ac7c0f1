import { apiRoute } from "@/lib/api/route";
import { listClusters } from "@/lib/clusters/read";

export const GET = apiRoute({ auth: false, body: "none" }, () => listClusters());
