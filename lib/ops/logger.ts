import "server-only";
import { processLogger } from "./process.mjs";

/** The process's pino logger (LOG_LEVEL; secrets' field names redacted; request id on every line). */
export const logger = processLogger;
