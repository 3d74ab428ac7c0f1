import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { metaFromHeaders } from "../http/meta";
import type { Actor, Ctx } from "./actor";
import { auth } from "./nextauth";
import { findActiveSession } from "./sessions";

/**
 * The context of a page or server action: the browser session, checked against its row on every request,
 * once per request (React's `cache`: the layout and the page share one check, issue 9).
 */
export const browserCtx = cache(async (): Promise<Ctx> => {
  const session = (await auth()) as { sid?: string } | null;
  const actor = session?.sid ? await findActiveSession({ id: session.sid, kind: "browser" }) : null;
  return { actor, meta: metaFromHeaders(await headers()) };
});

/** For pages: the signed-in actor, or off to the sign-in page. */
export async function requirePageActor(): Promise<Ctx & { actor: Actor }> {
  const ctx = await browserCtx();
  if (!ctx.actor) redirect("/login");
  return ctx as Ctx & { actor: Actor };
}
