import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { checkReadiness } from "../db/readiness";
import { settings } from "../settings";
import { logger } from "./logger";
import { metrics } from "./metrics";

const NO_STORE = { "Cache-Control": "no-store" };

export async function readiness(): Promise<Response> {
  const r = await checkReadiness();
  if (r.ready) return Response.json({ status: "ready" }, { headers: NO_STORE });
  logger().warn({ reason: r.reason, detail: r.detail }, `not ready: ${r.reason}`);
  return Response.json({ status: "not ready", reason: r.reason }, { status: 503, headers: NO_STORE });
}

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Compared as digests, in constant time: the answer does not tell how much of a guess was right. */
function bearerMatches(header: string | null, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(given), digest(token));
}

export async function metricsResponse(request: Request): Promise<Response> {
  const token = settings().METRICS_TOKEN;
  if (!token) return new Response("Not found\n", { status: 404, headers: NO_STORE });
  if (!bearerMatches(request.headers.get("authorization"), token)) {
    return new Response("Send Authorization: Bearer <METRICS_TOKEN>.\n", { status: 401, headers: { ...NO_STORE, "WWW-Authenticate": 'Bearer realm="metrics"' } });
  }
  const { register } = metrics();
  return new Response(await register.metrics(), { headers: { ...NO_STORE, "Content-Type": register.contentType } });
}
