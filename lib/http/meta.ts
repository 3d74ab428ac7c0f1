import "server-only";
import type { RequestMeta } from "../auth/actor";
import { settings } from "../settings";

/** Set by the console's own server (scripts/server.mjs) from the socket, replacing anything a client sent. */
export const PEER_HEADER = "x-console-peer";

/** Client address and user agent for rate limits and audit events. */
export function metaFromHeaders(headers: Headers): RequestMeta {
  const peer = headers.get(PEER_HEADER) ?? "unknown";
  const ip = clientAddress(peer, headers.get("x-forwarded-for"), settings().TRUST_PROXY);
  const userAgent = (headers.get("user-agent") ?? "").slice(0, 300);
  return { ip: ip.slice(0, 64), userAgent };
}

/**
 * The address the outermost trusted proxy saw. Each proxy appends the address it received the request
 * from, so with N trusted proxies the client is the N-th entry from the right; everything left of it was
 * written by the client and proves nothing. With fewer entries than proxies, the leftmost one.
 */
export function clientAddress(peer: string, forwardedFor: string | null, trustedProxies: number): string {
  if (trustedProxies <= 0 || !forwardedFor) return peer;
  const hops = forwardedFor.split(",").map((s) => s.trim()).filter(Boolean);
  if (hops.length === 0) return peer;
  return hops[Math.max(0, hops.length - trustedProxies)];
}
