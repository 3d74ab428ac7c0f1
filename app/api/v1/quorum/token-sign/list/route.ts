import { toCliToken } from "@/lib/api/cli-answers";
import { apiRoute } from "@/lib/api/route";
import { listQuorumTokens } from "@/lib/quorum/list";

export const GET = apiRoute({ auth: true, body: "none" }, async (ctx) => ({ tokens: (await listQuorumTokens(ctx)).tokens.map(toCliToken) }));
