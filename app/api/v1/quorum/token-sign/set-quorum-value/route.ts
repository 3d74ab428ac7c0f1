import { apiRoute } from "@/lib/api/route";
import { setQuorumValue } from "@/lib/quorum/settings";

export const POST = apiRoute({ auth: true, body: "json" }, (ctx, body) => setQuorumValue(ctx, body));
