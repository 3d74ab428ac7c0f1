import { apiRoute } from "@/lib/api/route";
import { deleteUser } from "@/lib/users/delete";

export const POST = apiRoute({ auth: true, body: "json" }, (ctx, body) => deleteUser(ctx, body));
