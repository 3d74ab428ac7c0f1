import { apiRoute } from "@/lib/api/route";
import { mySessions } from "@/lib/account/sessions";

export const GET = apiRoute({ auth: true, body: "none" }, async (ctx) => ({
  sessions: (await mySessions(ctx)).map((s) => ({
    session_id: s.id, kind: s.kind, current: s.current, created_at: s.createdAt, last_seen_at: s.lastSeenAt, expires_at: s.expiresAt, ip: s.ip, user_agent: s.userAgent,
  })),
}));
