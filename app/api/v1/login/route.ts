import { apiRoute } from "@/lib/api/route";
import { sessionData } from "@/lib/api/session-data";
import { loginWithPassword } from "@/lib/auth/login";

export const POST = apiRoute({ auth: false, body: "json" }, async (ctx, body) => {
  const result = await loginWithPassword(ctx, body, "api");
  if (result.mfaRequired) return { mfa_required: true, token_file: result.tokenFile, expires_at: result.expiresAt };
  return sessionData(result);
});
