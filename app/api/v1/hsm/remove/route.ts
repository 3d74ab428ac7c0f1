import { apiRoute } from "@/lib/api/route";
import { removeHsm } from "@/lib/clusters/hsms";

export const POST = apiRoute({ auth: true, body: "json" }, (ctx, body) => removeHsm(ctx, body));
