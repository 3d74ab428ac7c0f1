import { apiRoute } from "@/lib/api/route";
import { createUser } from "@/lib/users/create";

export const POST = apiRoute({ auth: true, body: "json" }, (ctx, body) => createUser(ctx, body));
