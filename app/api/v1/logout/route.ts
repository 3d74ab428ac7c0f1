import { CLI_ANSWERS } from "@/lib/api/cli-answers";
import { apiRoute } from "@/lib/api/route";
import { logout } from "@/lib/auth/logout";

export const POST = apiRoute({ auth: true, body: "optional-json" }, async (ctx) => (await logout(ctx), CLI_ANSWERS.logout));
