import { apiRoute } from "@/lib/api/route";
import { listTimeouts } from "@/lib/quorum/settings";

export const GET = apiRoute({ auth: true, body: "none" }, (ctx) => listTimeouts(ctx));
