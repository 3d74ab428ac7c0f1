import "server-only";
import { requestContext } from "./process.mjs";

/** The id scripts/server.mjs gave the request being served (its X-Request-Id), if any. */
export const currentRequestId = (): string | undefined => requestContext.getStore()?.requestId;
