import "server-only";

export type Role = "admin" | "crypto-user";
export const ROLES = ["admin", "crypto-user"] as const;

/** Who is acting: always built from a validated session row, never from request input. */
export type Actor = {
  userId: string;
  username: string;
  role: Role;
  clusterId: string;
  sessionId: string;
};

export type RequestMeta = { ip: string; userAgent: string };

/** What every operation receives from its door (a server action or an API route). */
export type Ctx = { actor: Actor | null; meta: RequestMeta };
