import { apiRoute } from "@/lib/api/route";
import { loginWithPassword } from "@/lib/auth/login";

export const POST = apiRoute({ auth: false, body: "json" }, async (ctx, body) => {
  const signedIn = await loginWithPassword(ctx, body, "api");
  return {
    session_token: signedIn.session.token,
    username: signedIn.username,
    role: signedIn.role,
    cluster_id: signedIn.clusterId,
    expires_at: signedIn.session.expiresAt,
  };
});
