"use server";
import { browserCtx } from "@/lib/auth/browser";
import { logout } from "@/lib/auth/logout";
import { signOut } from "@/lib/auth/nextauth";

export async function signOutAction(): Promise<void> {
  const ctx = await browserCtx();
  if (ctx.actor) await logout(ctx).catch(() => undefined);
  await signOut({ redirectTo: "/login" });
}
