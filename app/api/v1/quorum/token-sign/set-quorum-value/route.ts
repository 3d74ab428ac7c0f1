import { CLI_ANSWERS } from "@/lib/api/cli-answers";
import { withWarning } from "@/lib/api/envelope";
import { apiRoute } from "@/lib/api/route";
import { setQuorumValue } from "@/lib/quorum/settings";

export const POST = apiRoute({ auth: true, body: "json" }, async (ctx, body) => withWarning(CLI_ANSWERS.setQuorumValue, (await setQuorumValue(ctx, body)).warning));
