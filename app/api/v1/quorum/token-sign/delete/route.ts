import { CLI_ANSWERS } from "@/lib/api/cli-answers";
import { apiRoute } from "@/lib/api/route";
import { deleteQuorumTokens } from "@/lib/quorum/delete";

export const POST = apiRoute({ auth: true, body: "json" }, async (ctx, body) => (await deleteQuorumTokens(ctx, body), CLI_ANSWERS.deleteTokens));
