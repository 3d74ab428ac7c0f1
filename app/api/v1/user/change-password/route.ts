import { apiRoute } from "@/lib/api/route";
import { changePassword } from "@/lib/users/change-password";

export const POST = apiRoute({ auth: true, body: "json" }, (ctx, body) => changePassword(ctx, body));
