import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import type { AddressInfo } from "node:net";
import { guardRequest, HSTS } from "../../scripts/request-guards.mjs";

// The guards as scripts/server.mjs runs them, in front of a stand-in for Next.js that answers 200.
const behind = (req: http.IncomingMessage, res: http.ServerResponse) => guardRequest(req, res) || res.end("next");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "request-guards-"));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

async function listen(server: http.Server | https.Server) {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  after(() => server.close());
  return (server.address() as AddressInfo).port;
}

function get(port: number, headers: Record<string, string>, secure = false): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).get({ host: "127.0.0.1", port, path: "/login", headers, rejectUnauthorized: false }, (res) => (res.resume(), resolve(res)));
    request.on("error", reject);
  });
}

test("Strict-Transport-Security over HTTPS served directly", async () => {
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "1", "-subj", "/CN=127.0.0.1"], { cwd: dir, stdio: "ignore" });
  const port = await listen(https.createServer({ key: fs.readFileSync(path.join(dir, "key.pem")), cert: fs.readFileSync(path.join(dir, "cert.pem")) }, behind));
  assert.equal((await get(port, {}, true)).headers["strict-transport-security"], HSTS);
});

test("X-Forwarded-Proto counts only when TRUST_PROXY names proxies", async () => {
  const port = await listen(http.createServer(behind));
  const saved = process.env.TRUST_PROXY;
  try {
    for (const [trust, expected] of [["0", undefined], ["00", undefined], ["", undefined], ["false", undefined], ["no", undefined], ["1", HSTS], ["2", HSTS], ["true", HSTS]] as const) {
      process.env.TRUST_PROXY = trust;
      assert.equal((await get(port, { "x-forwarded-proto": "https" })).headers["strict-transport-security"], expected, `TRUST_PROXY=${trust}`);
      assert.equal((await get(port, { "x-forwarded-proto": "http" })).headers["strict-transport-security"], undefined);
    }
  } finally {
    if (saved === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = saved;
  }
});
