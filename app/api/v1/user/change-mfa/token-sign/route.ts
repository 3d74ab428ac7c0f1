import { apiRoute } from "@/lib/api/route";
import { changeMfa, requestMfaTokenFile } from "@/lib/mfa/change-mfa";

/** Step 1 `{ username, role, token: true }` → `{ token_file }`; step 2 registers or deregisters. */
export const POST = apiRoute({ auth: true, body: "json" }, async (ctx, body) => {
  if (body && typeof body === "object" && "token" in body) {
    const { token_file, expires_at } = await requestMfaTokenFile(ctx, body);
    return { token_file, expires_at };
  }
  const { username, role } = await changeMfa(ctx, body);
  return { username, role };
});
