import "server-only";
import { OpError, notSignedIn } from "../errors";
import type { Actor, Ctx, Role } from "./actor";

export type Permission = { roles: readonly Role[]; self?: "allowed" };

/** The one guard every operation calls first: a signed-in actor whose role the operation allows. */
export function authorize(ctx: Ctx, operation: string, permission: Permission, target?: string): Actor {
  const actor = ctx.actor;
  if (!actor) throw notSignedIn();
  if (permission.roles.includes(actor.role)) return actor;
  if (permission.self === "allowed" && target !== undefined && target === actor.username) return actor;
  const who = permission.roles.join(" or ");
  const extra = permission.self === "allowed" ? ` (a ${actor.role} may run it for their own account only)` : "";
  throw new OpError(403, `Only ${who === "admin" ? "an admin" : who} can run ${operation}${extra}.`);
}
