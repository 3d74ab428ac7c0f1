import { apiRoute } from "@/lib/api/route";
import { setQuorumTimeout } from "@/lib/quorum/settings";

export const POST = apiRoute({ auth: true, body: "json" }, (ctx, body) => setQuorumTimeout(ctx, body));
