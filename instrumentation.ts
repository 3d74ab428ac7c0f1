export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { announceSetupLink } = await import("./lib/setup/announce");
  await announceSetupLink();
  const { installGracefulStop } = await import("./lib/ops/lifecycle");
  installGracefulStop();
}

/** Render and route errors Next catches itself: logged with the request id and the digest the error page shows. */
export async function onRequestError(error: unknown, request: { path: string; method: string; headers: Record<string, string | string[] | undefined> }) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("./lib/ops/logger");
  const e = error as Error & { digest?: string };
  logger().error(
    { request_id: request.headers["x-request-id"], error_id: e.digest, method: request.method, path: request.path.split("?")[0], err: { type: e.name, message: e.message, stack: e.stack } },
    "request failed",
  );
}
