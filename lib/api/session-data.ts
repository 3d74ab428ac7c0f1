import "server-only";
import type { SignedIn } from "../auth/login";

/** What the login routes answer once a session is open. */
export function sessionData(signedIn: SignedIn) {
  return {
    session_token: signedIn.session.token,
    username: signedIn.username,
    role: signedIn.role,
    cluster_id: signedIn.clusterId,
    expires_at: signedIn.session.expiresAt,
  };
}
