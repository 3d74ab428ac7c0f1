// One logger and one request context per process, shared by scripts/server.mjs (plain Node) and the app
// (the Next bundle, where pino is an external package) through these global keys.
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

const CONTEXT = Symbol.for("hsm-console.request-context");
const LOGGER = Symbol.for("hsm-console.logger");

export const requestContext = (globalThis[CONTEXT] ??= new AsyncLocalStorage());

// Field names that could carry a secret, wherever they sit in a logged object: never written out.
export const REDACTED_KEYS = [
  "password", "current_password", "new_password", "session_token", "token", "signature", "signed_token_file",
  "private_key", "authorization", "cookie", "secret",
];

/** One JSON object a line on stdout; every line logged while serving a request carries its id. */
export function processLogger() {
  return (globalThis[LOGGER] ??= pino({
    level: process.env.LOG_LEVEL?.trim() || "info",
    base: { service: "hsm-console" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]), censor: "[redacted]" },
    mixin() {
      const id = requestContext.getStore()?.requestId;
      return id ? { request_id: id } : {};
    },
  }));
}
