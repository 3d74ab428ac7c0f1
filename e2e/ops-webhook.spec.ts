import { expect, test } from "@playwright/test";
import { createHmac, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eventually, opsUrl, startOpsServer, tempFolder, type OpsServer } from "./ops-support";
import { api, apiLogin, PASSWORD, unique } from "./support";

const SERVER = "webhook"; // a server of its own, on a free port
const SECRET = "webhook-e2e-secret-0123456789";
test.use({ baseURL: opsUrl(SERVER) });
test.describe.configure({ mode: "serial" });

type Received = { id: string; chain: string; seq: number; type: string; status: number };

/** A receiver as a SIEM would run it: checks the signature, answers 500 while `failing`, dedups by event id. */
async function startReceiver() {
  const state = { failing: true, attempts: [] as Received[], badSignatures: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const expected = Buffer.from(`sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`);
      const given = Buffer.from(String(req.headers["x-console-signature"] ?? ""));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        state.badSignatures++;
        return res.writeHead(401).end();
      }
      const event = JSON.parse(body.toString("utf8"));
      expect(req.headers["x-console-event-id"]).toBe(event.id);
      const status = state.failing ? 500 : 200;
      state.attempts.push({ id: event.id, chain: event.chain, seq: event.seq, type: event.type, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { state, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/console`, close: () => server.close() };
}

async function allAuditEvents(request: Parameters<typeof apiLogin>[0], token: string) {
  const events: { id: string; seq: number; operation: string }[] = [];
  let cursor: string | undefined;
  do {
    const r = await api(request, "GET", `/api/v1/audit?limit=200${cursor ? `&cursor=${cursor}` : ""}`, { token });
    expect(r.body.error_code).toBe(0);
    events.push(...r.body.data.events);
    cursor = r.body.data.next_cursor;
  } while (cursor);
  return events.sort((a, b) => a.seq - b.seq);
}

test("every audit event reaches a flaky webhook once after dedup, in order, across a server restart", async ({ request }) => {
  test.setTimeout(180_000);
  const receiver = await startReceiver();
  const dataDir = tempFolder("hsm-console-ops-webhook-");
  const env = { WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: SECRET };
  let server: OpsServer | undefined;
  try {
    server = await startOpsServer(SERVER, dataDir, env);
    // The receiver is down (500): operations still succeed at once.
    const token = await apiLogin(request);
    const started = Date.now();
    const made = await api(request, "POST", "/api/v1/user/create", { token, body: { username: unique("hook"), role: "crypto-user", password: PASSWORD } });
    expect(made.body.error_code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    await eventually("two failed attempts before the restart", () => receiver.state.attempts.length >= 2);

    expect(await server.stop()).toBe(0);
    const beforeRestart = receiver.state.attempts.length;
    server = await startOpsServer(SERVER, dataDir, env);
    const token2 = await apiLogin(request);
    expect((await api(request, "POST", "/api/v1/user/create", { token: token2, body: { username: unique("hook"), role: "crypto-user", password: PASSWORD } })).body.error_code).toBe(0);
    // The restarted server picks the same waiting event up again from the outbox table.
    await eventually("a retry from the restarted server", () => receiver.state.attempts.length > beforeRestart, 90_000);
    receiver.state.failing = false;

    const events = await allAuditEvents(request, token2);
    const accepted = () => [...new Map(receiver.state.attempts.filter((a) => a.status === 200).map((a) => [a.id, a])).values()];
    await eventually("every audit event delivered", () => events.every((e) => accepted().some((a) => a.id === e.id)), 120_000);

    expect(receiver.state.badSignatures).toBe(0);
    expect(receiver.state.attempts.some((a) => a.status === 500)).toBe(true);
    const delivered = accepted().filter((a) => events.some((e) => e.id === a.id));
    // Once each after dedup, first arrivals in the chain's order, with nothing skipped.
    expect(delivered.map((a) => a.seq)).toEqual(events.map((e) => e.seq));
    expect(delivered.map((a) => a.type)).toEqual(events.map((e) => e.operation));
    expect(delivered[0].type).toBe("cluster create (bootstrap)");
  } finally {
    await server?.stop();
    receiver.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
