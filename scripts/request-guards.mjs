// Checks the console's own server makes before Next.js sees a request, where Next would otherwise answer
// with a 500 or an error page (decision 0043): a forged Origin on a form post (403), a form post over the
// body limit (413, in words the form shows), a path that is not valid percent-encoding (404). It also
// adds Strict-Transport-Security when the request came over HTTPS.
import { createRequire } from "node:module";

const limits = createRequire(import.meta.url)("../lib/forms/upload-limits.json");
export const FORM_BODY_MAX_BYTES = limits.formBodyMaxBytes;
export const HSTS = "max-age=63072000; includeSubDomains";

/** TRUST_PROXY is a number of proxies in front of the console (0 or unset: none); "true"/"yes" count as one, as in lib/settings.ts. */
export function trustsProxy(env = process.env) {
  const value = (env.TRUST_PROXY ?? "").trim().toLowerCase();
  return value === "true" || value === "yes" || Number(value) > 0;
}

const size = (bytes) => (bytes >= 1024 * 1024 ? `${Number((bytes / (1024 * 1024)).toFixed(1))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** A POST that Next.js would treat as a server action (its own test: the header, or a form body), outside the API. */
function isFormPost(req, pathname) {
  if (req.method !== "POST" || pathname.startsWith("/api/")) return false;
  const type = String(req.headers["content-type"] ?? "").toLowerCase();
  return typeof req.headers["next-action"] === "string" || type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
}

/** Next's own comparison: the Origin's host against X-Forwarded-Host (first entry), else Host. */
function originMatches(req) {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // not a browser's cross-site post; Next lets it through too
  let originHost;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = String(req.headers["x-forwarded-host"] ?? "").split(",")[0].trim();
  return originHost === (forwarded || req.headers.host);
}

function answer(res, status, text, type = "text/plain") {
  // Exactly "text/plain": Next's client shows such a body's text as the action's error message.
  res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
  return true;
}

export function isHttps(req, env = process.env) {
  if (req.socket.encrypted) return true;
  if (!trustsProxy(env)) return false;
  return String(req.headers["x-forwarded-proto"] ?? "").split(",")[0].trim().toLowerCase() === "https";
}

/** Answers the request itself and returns true, or prepares it for Next.js and returns false. */
export function guardRequest(req, res) {
  if (isHttps(req)) res.setHeader("Strict-Transport-Security", HSTS);
  const url = req.url ?? "/";
  const pathname = url.split("?")[0];
  try {
    decodeURIComponent(pathname);
  } catch {
    if (pathname.startsWith("/api/")) {
      return answer(res, 404, JSON.stringify({ error_code: 1, data: "There is no such API route: the path is not valid percent-encoding." }), "application/json");
    }
    req.url = "/_not-found";
    return false;
  }
  if (!isFormPost(req, pathname)) return false;
  if (!originMatches(req)) {
    return answer(res, 403, "This form was sent from another site, so the console refused it. Open the console's own page and send the form from there.");
  }
  const length = Number(req.headers["content-length"]);
  if (Number.isFinite(length) && length > FORM_BODY_MAX_BYTES) {
    return answer(res, 413, `The form is ${size(length)}; the console takes at most ${size(FORM_BODY_MAX_BYTES)} (a token file is a few KB). Check the files you chose; nothing was changed.`);
  }
  return false;
}
