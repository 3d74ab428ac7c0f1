import { expect, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { startOpsServer, tempFolder } from "./ops-support";

const SERVER = "probes"; // a server of its own, on a free port

test("probes need no session and say nothing else; /metrics is 404 without METRICS_TOKEN", async ({ request }) => {
  const health = await request.get("/healthz");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  const ready = await request.get("/readyz");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready" });
  expect((await request.get("/metrics")).status()).toBe(404);
  expect((await request.get("/metrics", { headers: { authorization: "Bearer anything-at-all-0123" } })).status()).toBe(404);
});

// Root ignores file modes, so the folder and every file in it are made immutable (chattr +i): SQLite can
// neither create a file there nor append to its write-ahead log, as on a read-only data folder.
const immutable = (dir: string, on: boolean) => {
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
  execFileSync("chattr", [on ? "+i" : "-i", ...(on ? [...files, dir] : [dir, ...files])]);
};
test("/readyz answers 503 on a read-only data folder, and 200 again once it is writable; SIGTERM stops cleanly", async ({ request }) => {
  test.setTimeout(120_000);
  const dataDir = tempFolder("hsm-console-ops-probes-");
  const server = await startOpsServer(SERVER, dataDir);
  const lock = path.join(dataDir, "console.db.server.pid");
  try {
    expect(fs.readFileSync(lock, "utf8").trim()).toBe(String(server.child.pid));
    expect((await request.get(`${server.url}/readyz`)).status()).toBe(200);
    immutable(dataDir, true);
    const down = await request.get(`${server.url}/readyz`);
    expect(down.status()).toBe(503);
    expect(await down.json()).toEqual({ status: "not ready", reason: "database not writable" });
    expect((await request.get(`${server.url}/healthz`)).status()).toBe(200);
    const id = down.headers()["x-request-id"];
    await expect.poll(() => server.lines.some((l) => l.includes('"msg":"not ready: database not writable"') && l.includes(id))).toBe(true);
    immutable(dataDir, false);
    expect((await request.get(`${server.url}/readyz`)).status()).toBe(200);
  } finally {
    immutable(dataDir, false);
    expect(await server.stop()).toBe(0);
  }
  expect(fs.existsSync(lock)).toBe(false);
  expect(server.lines.some((l) => l.includes('"msg":"stopped"'))).toBe(true);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test("SIGTERM lets a request in flight finish, then stops", async () => {
  test.setTimeout(120_000);
  const dataDir = tempFolder("hsm-console-ops-stop-");
  const server = await startOpsServer(`${SERVER}-second`, dataDir);
  try {
    const body = JSON.stringify({ username: "admin", password: "e2e admin password" });
    const socket = net.connect(Number(new URL(server.url).port), "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    let answer = "";
    socket.on("data", (c: Buffer) => (answer += c.toString("utf8")));
    // Half the body: the server is now in the middle of this request.
    socket.write(`POST /api/v1/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`);
    // Once a request sent after it is answered, the server has read this one's headers.
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: "ok" });
    const stopped = server.stop();
    await expect.poll(() => server.lines.some((l) => l.includes('"msg":"stopping: no new connections; finishing the requests in flight"'))).toBe(true);
    // This request at least (the probe's response may still be closing on a busy machine).
    expect(server.lines.find((l) => l.includes('"msg":"stopping'))).toMatch(/"in_flight":[1-9]/);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow(); // no new connections
    socket.write(body.slice(10));
    await expect.poll(() => answer).toMatch(/^HTTP\/1\.1 200 OK[\s\S]*"session_token"/);
    expect(await stopped).toBe(0);
    socket.destroy();
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
