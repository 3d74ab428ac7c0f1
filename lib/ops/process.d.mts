import type { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "pino";

export type RequestContext = { requestId: string };
export const requestContext: AsyncLocalStorage<RequestContext>;
export const REDACTED_KEYS: string[];
export function processLogger(): Logger;
