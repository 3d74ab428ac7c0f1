import "server-only";
import { startBackgroundWork } from "./background";

// scripts/server.mjs calls this on SIGTERM, once the HTTP server has finished its requests in flight.
const KEY = Symbol.for("hsm-console.graceful-stop");
const holder = globalThis as unknown as Record<symbol, (() => Promise<void>) | undefined>;

/** Starts the background work once per process and leaves its stop where the server finds it. */
export function installGracefulStop(): void {
  if (holder[KEY]) return;
  holder[KEY] = startBackgroundWork();
}
