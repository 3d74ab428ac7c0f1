import "server-only";
import { randomBytes } from "node:crypto";

/** Logs an unexpected failure under a short id the user can quote; the message shown to them is generic. */
export function logUnexpected(where: string, error: unknown): string {
  const id = randomBytes(4).toString("hex");
  const text = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error);
  console.error(`[error ${id}] ${where}: ${text}`);
  return id;
}
