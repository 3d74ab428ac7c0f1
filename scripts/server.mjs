// The console's HTTP server: Next.js behind a plain Node server that records each request's real peer
// address (Next keeps any X-Forwarded-For a client sends, so rate limits cannot trust it), gives each
// request an id, holds the SQLite database's server lock, and stops gracefully on SIGTERM.
import http from "node:http";
import next from "next";
import { processLogger as logger } from "../lib/ops/process.mjs";
import { withRequestOps } from "./http-ops.mjs";
import { databaseFile, databaseKind } from "./migrate.mjs";
import { guardRequest } from "./request-guards.mjs";
import { holdDatabase } from "./server-lock.mjs";

const GRACEFUL_STOP = Symbol.for("hsm-console.graceful-stop");

// No Next.js telemetry from a running console either (`next dev` would otherwise send it).
process.env.NEXT_TELEMETRY_DISABLED = "1";

export async function serve({ dev = false, port = Number(process.env.PORT) || 3000, hostname = process.env.HOST || "0.0.0.0", dir } = {}) {
  // The pid lock tells `npm run restore` that a server uses the SQLite file. On PostgreSQL several instances
  // serving one database is the point, and restore is pg_restore's: no lock (decision 0102).
  const release = databaseKind() === "sqlite" ? holdDatabase(databaseFile()) : () => {};
  process.once("exit", release);
  const app = next({ dev, dir, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const inflight = new Set();
  const trustProxy = /^(true|yes|0*[1-9]\d*)$/i.test(process.env.TRUST_PROXY?.trim() ?? "");
  const server = http.createServer(
    withRequestOps(
      (req, res) => {
        req.headers["x-console-peer"] = req.socket.remoteAddress ?? "unknown";
        if (!guardRequest(req, res)) handle(req, res);
      },
      { dir: dir ?? process.cwd(), trustProxy, inflight },
    ),
  );
  // Keep idle connections longer than clients and proxies do (60 s is common): with Node's 5 s default,
  // a client may send on a connection the server is just closing, and gets ECONNRESET.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise((resolve, reject) => server.once("error", reject).listen(port, hostname, resolve));
  const shown = hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname;
  console.log(`HSM console ready on http://${shown}:${port}`);

  const stop = async (signal) => {
    const bound = (Number(process.env.SHUTDOWN_TIMEOUT_SECONDS) || 10) * 1000;
    logger().info({ signal, in_flight: inflight.size }, "stopping: no new connections; finishing the requests in flight");
    server.close();
    server.closeIdleConnections();
    const deadline = Date.now() + bound;
    while (inflight.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    if (inflight.size > 0) logger().warn({ abandoned: inflight.size }, "requests still running at the shutdown bound; closing them");
    server.closeAllConnections();
    try {
      await globalThis[GRACEFUL_STOP]?.(); // outbox flush, database closed (lib/ops/lifecycle.ts)
    } catch (e) {
      logger().error({ err: { message: e?.message } }, "graceful stop of the background work failed");
    }
    release();
    logger().info("stopped");
    logger().flush?.();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return server;
}
