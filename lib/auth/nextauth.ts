import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { settings } from "../settings";
import { authSecret } from "./secret";
import { claimBrowserSession } from "./sessions";

/**
 * next-auth carries the browser session: its encrypted JWT cookie holds only the id of a Session row,
 * and that row decides on every request whether the session still stands (docs/decisions/0003).
 * Sign-in itself happens in lib/auth/login; next-auth only claims the session it opened, once.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: settings().SESSION_MAX_HOURS * 3600 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { handoff: {} },
      async authorize(credentials) {
        const id = await claimBrowserSession(String(credentials?.handoff ?? ""));
        return id ? { id } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sid = user.id;
      return token;
    },
    session({ session, token }) {
      return { expires: session.expires, sid: typeof token.sid === "string" ? token.sid : undefined } as typeof session & { sid?: string };
    },
  },
}));
