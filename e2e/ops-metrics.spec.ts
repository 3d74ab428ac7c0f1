import { expect, test } from "@playwright/test";
import fs from "node:fs";
import { opsUrl, startOpsServer, tempFolder, type OpsServer } from "./ops-support";
import { adminWithKey } from "./quorum-support";
import { api, apiLogin, E2E } from "./support";

const SERVER = "metrics"; // a server of its own, on a free port
const TOKEN = "metrics-e2e-token-0123456789";
test.use({ baseURL: opsUrl(SERVER) });
test.describe.configure({ mode: "serial" });

type Sample = { name: string; labels: Record<string, string>; value: number };

/** The Prometheus text exposition format, strictly: HELP and TYPE before each family, then its samples. */
function parsePrometheus(text: string) {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
    if (meta) {
      if (meta[1] === "TYPE") {
        expect(["counter", "gauge", "histogram", "summary", "untyped"]).toContain(meta[3]);
        types.set(meta[2], meta[3]);
      }
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    expect(m, `not a sample line: ${line}`).not.toBeNull();
    const labels: Record<string, string> = {};
    for (const [, k, v] of m![2]?.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g) ?? []) labels[k] = v;
    const family = m![1].replace(/_(bucket|sum|count)$/, "");
    expect(types.has(m![1]) || types.has(family), `no TYPE for ${m![1]}`).toBe(true);
    samples.push({ name: m![1], labels, value: Number(m![3]) });
  }
  const value = (name: string, labels: Record<string, string> = {}) =>
    samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((n, s) => n + s.value, 0);
  return { samples, types, value };
}

let server: OpsServer;
let dataDir: string;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = tempFolder("hsm-console-ops-metrics-");
  server = await startOpsServer(SERVER, dataDir, { METRICS_TOKEN: TOKEN, LOG_LEVEL: "info" });
});
test.afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test("/metrics answers only with the bearer token", async ({ request }) => {
  expect((await request.get("/metrics")).status()).toBe(401);
  expect((await request.get("/metrics", { headers: { authorization: "Bearer wrong-token-0123456789" } })).status()).toBe(401);
  const ok = await request.get("/metrics", { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(ok.status()).toBe(200);
  expect(ok.headers()["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
});

test("after a scripted sign-in and a quorum approval, the counters say what happened", async ({ request }) => {
  const wrong = await api(request, "POST", "/api/v1/login", { body: { username: E2E.admin, password: "not the password" } });
  expect(wrong.status).toBe(401);
  const requester = await adminWithKey(request); // signs the bootstrap admin and the new admin in, registers a quorum key
  await apiLogin(request);
  const generated = await api(request, "POST", "/api/v1/quorum/token-sign/generate", { token: requester.token, body: { service: "user" } });
  expect(generated.body.error_code).toBe(0);
  const file = generated.body.data.approval_file;
  file.signatures.push({ username: requester.username, signature: requester.keys.sign(file.token) });
  const approved = await api(request, "POST", "/api/v1/quorum/token-sign/approve", { token: requester.token, body: { approval_file: file } });
  expect(approved.body).toMatchObject({ error_code: 0, data: { approvals_required: 1, number_of_approvals: 1 } });
  requester.keys.remove();

  const scrape = await request.get("/metrics", { headers: { authorization: `Bearer ${TOKEN}` } });
  const m = parsePrometheus(await scrape.text());
  expect(m.value("hsm_console_sign_ins_total", { factor: "password", outcome: "success" })).toBe(3);
  expect(m.value("hsm_console_sign_ins_total", { factor: "password", outcome: "failure" })).toBe(1);
  expect(m.value("hsm_console_quorum_tokens_total", { event: "generated" })).toBe(1);
  expect(m.value("hsm_console_quorum_tokens_total", { event: "approved" })).toBe(1);
  expect(m.value("hsm_console_quorum_approvals_total")).toBe(1);
  expect(m.value("hsm_console_audit_events_total", { operation: "quorum token-sign approve", outcome: "success" })).toBe(1);
  expect(m.value("hsm_console_audit_events_total", { operation: "user change-quorum token-sign register", outcome: "success" })).toBeGreaterThanOrEqual(1);
  expect(m.types.get("hsm_console_http_request_duration_seconds")).toBe("histogram");
  expect(m.value("hsm_console_http_request_duration_seconds_count", { method: "POST", route: "/api/v1/login", status: "200" })).toBe(3);
  expect(m.value("hsm_console_http_request_duration_seconds_count", { method: "POST", route: "/api/v1/quorum/token-sign/approve", status: "200" })).toBe(1);
  // Route labels are the app's patterns, never raw paths with names in them.
  expect(m.samples.every((s) => !s.labels.route || !/admin|qadm_/.test(s.labels.route))).toBe(true);
  expect(m.value("process_cpu_user_seconds_total")).toBeGreaterThan(0);
  expect(m.types.get("nodejs_heap_size_total_bytes")).toBe("gauge");
});

test("every response carries a request id, and the log is one JSON object a line with that id and no secrets", async ({ request }) => {
  const response = await request.post("/api/v1/login", { data: { username: E2E.admin, password: E2E.password } });
  const id = response.headers()["x-request-id"];
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  const token = (await response.json()).data.session_token as string;
  await expect.poll(() => server.lines.some((l) => l.includes(id))).toBe(true);
  const entries = server.lines.filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(entries.length).toBeGreaterThan(5);
  const access = entries.find((e) => e.request_id === id)!;
  expect(access).toMatchObject({ level: "info", msg: "request", method: "POST", route: "/api/v1/login", status: 200 });
  const all = server.lines.join("\n");
  expect(all).not.toContain(E2E.password);
  expect(all).not.toContain(token);
  expect(all).not.toContain("BEGIN");
});
