import { apiRoute } from "@/lib/api/route";
import { approveQuorumToken } from "@/lib/quorum/approve";

export const POST = apiRoute({ auth: true, body: "json" }, (ctx, body) => approveQuorumToken(ctx, body));
