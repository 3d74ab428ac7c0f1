import { apiRoute } from "@/lib/api/route";
import { addHsm } from "@/lib/clusters/hsms";

export const POST = apiRoute({ auth: true, body: "optional-json" }, (ctx, body) => addHsm(ctx, body));
