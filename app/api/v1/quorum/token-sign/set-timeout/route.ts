import { CLI_ANSWERS } from "@/lib/api/cli-answers";
import { apiRoute } from "@/lib/api/route";
import { setQuorumTimeout } from "@/lib/quorum/settings";

export const POST = apiRoute({ auth: true, body: "json" }, async (ctx, body) => (await setQuorumTimeout(ctx, body), CLI_ANSWERS.setTimeout));
