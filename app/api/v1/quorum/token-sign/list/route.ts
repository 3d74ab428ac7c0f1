import { apiRoute } from "@/lib/api/route";
import { listQuorumTokens } from "@/lib/quorum/list";

export const GET = apiRoute({ auth: true, body: "none" }, (ctx) => listQuorumTokens(ctx));
