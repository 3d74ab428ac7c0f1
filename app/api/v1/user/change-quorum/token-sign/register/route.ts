import { apiRoute } from "@/lib/api/route";
import { registerQuorumKey } from "@/lib/quorum/register";

// Step 1: an empty body (or {}) issues the registration token file; step 2 sends the key and the signed file.
export const POST = apiRoute({ auth: true, body: "optional-json" }, (ctx, body) => registerQuorumKey(ctx, body));
