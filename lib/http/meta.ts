import "server-only";
import type { RequestMeta } from "../auth/actor";
import { settings } from "../settings";

/** Set by the console's own server (scripts/server.mjs) from the socket, replacing anything a client sent. */
export const PEER_HEADER = "x-console-peer";

/** Client address and user agent for rate limits and audit events. */
export function metaFromHeaders(headers: Headers): RequestMeta {
  let ip = headers.get(PEER_HEADER) ?? "unknown";
  if (settings().TRUST_PROXY) {
    const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) ip = forwarded;
  }
  const userAgent = (headers.get("user-agent") ?? "").slice(0, 300);
  return { ip: ip.slice(0, 64), userAgent };
}
