import { apiRoute } from "@/lib/api/route";
import { sessionData } from "@/lib/api/session-data";
import { loginWithMfa } from "@/lib/auth/login-mfa";

export const POST = apiRoute({ auth: false, body: "json" }, async (ctx, body) => sessionData(await loginWithMfa(ctx, body, "api")));
