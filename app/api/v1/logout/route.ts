import { apiRoute } from "@/lib/api/route";
import { logout } from "@/lib/auth/logout";

export const POST = apiRoute({ auth: true, body: "optional-json" }, (ctx) => logout(ctx));
