import { apiRoute } from "@/lib/api/route";
import { deleteQuorumTokens } from "@/lib/quorum/delete";

export const POST = apiRoute({ auth: true, body: "json" }, (ctx, body) => deleteQuorumTokens(ctx, body));
