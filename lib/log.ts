import "server-only";
import { randomBytes } from "node:crypto";
import { logger } from "./ops/logger";
import { currentRequestId } from "./ops/request-context";

/**
 * Logs an unexpected failure under an id the user can quote; the message shown to them is generic. The
 * id is the request's (the X-Request-Id header), so one search finds the request's access line too.
 */
export function logUnexpected(where: string, error: unknown): string {
  const id = currentRequestId() ?? randomBytes(4).toString("hex");
  const err = error instanceof Error ? { type: error.name, message: error.message, stack: error.stack } : { message: String(error) };
  logger().error({ error_id: id, where, err }, `unexpected failure in ${where}`);
  return id;
}
