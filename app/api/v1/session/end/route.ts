import { apiRoute } from "@/lib/api/route";
import { endOwnSession } from "@/lib/account/end-session";

export const POST = apiRoute({ auth: true, body: "json" }, (ctx, body) => endOwnSession(ctx, body));
