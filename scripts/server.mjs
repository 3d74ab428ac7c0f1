// The console's HTTP server: Next.js behind a plain Node server that records each request's real peer
// address (Next keeps any X-Forwarded-For a client sends, so rate limits cannot trust it).
import http from "node:http";
import next from "next";
import { guardRequest } from "./request-guards.mjs";

export async function serve({ dev = false, port = Number(process.env.PORT) || 3000, hostname = process.env.HOST || "0.0.0.0", dir } = {}) {
  const app = next({ dev, dir, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    req.headers["x-console-peer"] = req.socket.remoteAddress ?? "unknown";
    if (!guardRequest(req, res)) handle(req, res);
  });
  // Keep idle connections longer than clients and proxies do (60 s is common): with Node's 5 s default,
  // a client may send on a connection the server is just closing, and gets ECONNRESET.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise((resolve, reject) => server.once("error", reject).listen(port, hostname, resolve));
  const shown = hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname;
  console.log(`HSM console ready on http://${shown}:${port}`);
  const stop = () => server.close(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return server;
}
