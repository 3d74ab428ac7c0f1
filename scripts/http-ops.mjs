// What the plain Node server adds to every request: an id (X-Request-Id, also in every log line and error
// message of the request), one JSON access-log line, and the request duration histogram for /metrics.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import client from "prom-client";
import { processLogger as logger, requestContext } from "../lib/ops/process.mjs";

const duration = new client.Histogram({
  name: "hsm_console_http_request_duration_seconds",
  help: "HTTP request duration by method, route (the app's route pattern, never the raw path) and status.",
  labelNames: ["method", "route", "status"],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

/** The build's route patterns (/users/[username], …) as matchers, so label values stay few and say nothing. */
function routeMatchers(dir) {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, ".next", "app-path-routes-manifest.json"), "utf8"));
    const patterns = [...new Set(Object.values(manifest))];
    return patterns
      .map((p) => ({ route: p, dynamic: /\[/.test(p), re: new RegExp(`^${p.replace(/\[\[?\.\.\.[^\]]+\]\]?/g, ".+").replace(/\[[^\]]+\]/g, "[^/]+")}/?$`) }))
      .sort((a, b) => Number(a.dynamic) - Number(b.dynamic));
  } catch {
    return [];
  }
}

export function routeNamer(dir) {
  const matchers = routeMatchers(dir);
  return (url) => {
    const pathname = (url ?? "/").split("?")[0];
    if (pathname.startsWith("/_next/")) return "/_next";
    return matchers.find((m) => m.re.test(pathname))?.route ?? "unmatched";
  };
}

const VALID_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * Wraps the request handler. A well-formed X-Request-Id from a proxy in front (TRUST_PROXY) is kept,
 * so one id follows the request through both logs; otherwise the server makes one.
 */
// Requests in flight that are not sign-in attempts: sign-ins give way to them (lib/auth/sign-in-turns.ts).
const others = (globalThis[Symbol.for("hsm-console.requests-other-than-sign-in")] ??= { count: 0, lastEnded: 0 });
const SIGN_IN = /^\/(login|api\/v1\/login)(\/mfa-token-sign)?(\?|$)/;

export function withRequestOps(handle, { dir, trustProxy, inflight }) {
  const routeOf = routeNamer(dir);
  return (req, res) => {
    const counted = !(req.method === "POST" && SIGN_IN.test(req.url ?? ""));
    if (counted) others.count++;
    const given = req.headers["x-request-id"];
    const requestId = trustProxy && typeof given === "string" && VALID_ID.test(given) ? given : randomUUID();
    req.headers["x-request-id"] = requestId;
    res.setHeader("X-Request-Id", requestId);
    const started = process.hrtime.bigint();
    inflight.add(res);
    res.once("close", () => {
      if (counted) (others.count--, (others.lastEnded = Date.now()));
      inflight.delete(res);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(req.url);
      duration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      if (route !== "/_next") {
        logger().info(
          { request_id: requestId, method: req.method, route, status: res.statusCode, duration_ms: Math.round(seconds * 1000), peer: req.socket.remoteAddress },
          "request",
        );
      }
    });
    requestContext.run({ requestId }, () => handle(req, res));
  };
}
