import { expect, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startQuorumServer, quorumUrl } from "./quorum-support";
import { api, apiLogin, createUser, E2E, PASSWORD, unique } from "./support";

// Issue 8 from the attacker's side, over HTTP, against the production build.

type TokenFile = { version: string; tokens: { unsigned: string; signed: string }[] };

/** A crypto user with token-sign MFA, registered through the API with openssl, as a script would. */
async function mfaUser(request: Parameters<typeof apiLogin>[0]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hsm-attack-"));
  execFileSync("bash", ["-c", "openssl genrsa -out user.key 2048 2>/dev/null && openssl rsa -in user.key -pubout -out user.pub.pem 2>/dev/null"], { cwd: dir });
  const username = await createUser(request);
  const token = await apiLogin(request, username, PASSWORD);
  const route = "/api/v1/user/change-mfa/token-sign";
  const file = (await api(request, "POST", route, { token, body: { username, role: "crypto-user", token: true } })).body.data.token_file as TokenFile;
  const signed = {
    ...file,
    tokens: file.tokens.map((t, i) => ({
      unsigned: t.unsigned,
      signed: execFileSync("bash", ["-c", `echo '${t.unsigned}' | base64 -d > t${i}.bin && openssl pkeyutl -sign -inkey user.key -pkeyopt digest:sha256 -in t${i}.bin | base64 -w0`], { cwd: dir, encoding: "utf8" }),
    })),
  };
  const publicKey = fs.readFileSync(path.join(dir, "user.pub.pem"), "utf8");
  const r = await api(request, "POST", route, { token, body: { username, role: "crypto-user", current_password: PASSWORD, change_password: PASSWORD, signed_token_file: signed, public_key_pem: publicKey } });
  expect(r.body, JSON.stringify(r.body)).toMatchObject({ error_code: 0 });
  fs.rmSync(dir, { recursive: true, force: true });
  return username;
}

test("item 7: the MFA sign-in route answers alike for MFA, non-MFA, unknown and locked accounts", async ({ request }) => {
  const withMfa = await mfaUser(request);
  const plain = await createUser(request);
  const forged = { version: "2.0", tokens: [0, 1].map((i) => ({ unsigned: Buffer.alloc(32, 40 + i).toString("base64"), signed: Buffer.alloc(256, 1).toString("base64") })) };
  const answers = [];
  for (const username of [withMfa, plain, unique("ghost")]) {
    const r = await api(request, "POST", "/api/v1/login/mfa-token-sign", { body: { username, signed_token_file: forged }, ip: "10.77.0.1" });
    answers.push({ status: r.status, body: r.body });
  }
  expect(answers[0].status).toBe(422);
  expect(answers[1]).toEqual(answers[0]);
  expect(answers[2]).toEqual(answers[0]);
});

test("item 5: a stolen bearer token cannot change its user's password without the current one", async ({ request }) => {
  const victim = await createUser(request);
  const stolen = await apiLogin(request, victim, PASSWORD);
  const r = await api(request, "POST", "/api/v1/user/change-password", { token: stolen, body: { username: victim, role: "crypto-user", password: "attacker's choice" } });
  expect(r.status).toBe(400);
  expect(r.body.data).toMatch(/Enter your current password/);
  expect(r.headers["cache-control"] ?? "").not.toContain("public");
  await apiLogin(request, victim, PASSWORD); // the password is unchanged
  const wrong = await api(request, "POST", "/api/v1/user/change-password", { token: stolen, body: { username: victim, role: "crypto-user", current_password: "a guess at it", password: "attacker's choice" } });
  expect([wrong.status, wrong.body.data]).toEqual([403, expect.stringMatching(/current password is wrong/)]);
});

test("item 9: a client-written X-Forwarded-For entry is not taken as the address", async ({ request }) => {
  const name = unique("xff").toLowerCase();
  const r = await request.post("/api/v1/login", { headers: { "x-forwarded-for": "6.6.6.6, 10.88.1.2" }, data: { username: name, password: "a wrong guess" } });
  expect(r.status()).toBe(401);
  const admin = await apiLogin(request);
  const events = await api(request, "GET", `/api/v1/audit?target=${name}`, { token: admin });
  expect(events.body.data.events.map((e: { ip: string }) => e.ip)).toEqual(["10.88.1.2"]);
});

test("item 2: one hostile field to the MFA sign-in form is refused at once, unscanned; the server stays responsive", async ({ page, request }) => {
  const username = await mfaUser(request);
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Password accepted/)).toBeVisible();
  // 240 KB, under the server's form limit: scanned in linear time and refused as what it is. (The old
  // quadratic scan took about 6 s on this and blocked every other request meanwhile.) 960 KB: over the
  // limit, refused unread before the action runs, as the form's own error.
  const hostile = '"kty":'.repeat(40_000);
  for (const [text, answer] of [[hostile, /not valid JSON/], [hostile.repeat(4), /The form is [\d.]+ [KM]B; the console takes at most/]] as const) {
    await page.getByLabel("or paste it").fill(text);
    const started = Date.now();
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    const probe = await request.get(`${E2E.baseURL}/api/v1/clusters`);
    expect(probe.ok()).toBe(true);
    await expect(page.getByText(answer).first()).toBeVisible();
    expect(Date.now() - started, "the refusal came without scanning for seconds").toBeLessThan(15_000);
  }
});

test.describe("item 10: with the default limits", () => {
  const own = "default-limits"; // a server of its own, on a free port
  test.describe.configure({ mode: "serial" });
  let server: Awaited<ReturnType<typeof startQuorumServer>> | undefined;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startQuorumServer(own, { LOGIN_RATE_PER_ADDRESS: undefined, LOGIN_RATE_PER_USERNAME: undefined });
  });
  test.afterAll(() => server?.kill("SIGTERM"));

  test("a flood of sign-ins is limited per address before the cluster is looked up, and leaves one event with its count", async ({ request }) => {
    const base = quorumUrl(own);
    const flood = async (ip: string, body: (i: number) => object) => {
      const statuses: number[] = [];
      for (let i = 0; i < 90; i++) {
        const r = await request.post(`${base}/api/v1/login`, { headers: { "x-forwarded-for": ip, "user-agent": "flood".repeat(200) }, data: body(i) });
        statuses.push(r.status());
      }
      return statuses;
    };
    const unknownClusters = await flood("10.66.6.6", (i) => ({ cluster_id: `cluster-nope${i}`, username: `ghost${i}`, password: "guess guess" }));
    expect(unknownClusters.slice(0, 60).every((s) => s === 404)).toBe(true);
    expect(unknownClusters.slice(60).every((s) => s === 429)).toBe(true);

    const unknownNames = await flood("10.66.6.7", (i) => ({ username: `ghost${i}`, password: "guess guess" }));
    expect(unknownNames.slice(60).every((s) => s === 429)).toBe(true);
    const admin = await api(request, "POST", `${base}/api/v1/login`, { body: { username: "admin", password: "e2e admin password" }, ip: "10.66.0.1" });
    const events = await api(request, "GET", `${base}/api/v1/audit?limit=200`, { token: admin.body.data.session_token });
    const logged = events.body.data.events.filter((e: { ip: string }) => e.ip === "10.66.6.7");
    // The first 429 is refused before the cluster is known: it goes to the console-wide chain, not this one.
    expect(logged.length, "60 refused sign-ins, not 90 events").toBe(60);
  });
});
