// Issue 8, second half: each attack as the attacker makes it, over HTTP or in Chromium.
import { expect, test } from "@playwright/test";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { api, apiLogin, createUser, E2E, expectAccessible, PASSWORD, signIn } from "./support";

const FIVE_MB = 5 * 1024 * 1024;

test.describe("uploads far too big for a token file", () => {
  let dir: string;
  test.beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hsm-e2e-big-"));
    fs.writeFileSync(path.join(dir, "holiday.mp4"), Buffer.alloc(FIVE_MB, 7));
  });
  test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("a 5 MB file is refused in the browser with the form's own message, and the form is kept", async ({ page, request }) => {
    const username = await createUser(request);
    await signIn(page, username, PASSWORD);
    await page.goto(`/users/${username}/mfa`);
    await page.getByRole("button", { name: "Download token file" }).click();
    const key = "-----BEGIN PUBLIC KEY-----\nkept as typed\n-----END PUBLIC KEY-----";
    await page.getByLabel("or paste it").nth(1).fill(key);
    let sent = 0;
    page.on("request", (r) => r.method() === "POST" && r.headers()["next-action"] && sent++);
    await page.getByLabel("Upload a file").first().setInputFiles(path.join(dir, "holiday.mp4"));
    await page.getByRole("button", { name: "Register MFA key" }).click();
    const message = "holiday.mp4: the file is 5 MB; a token file is a few KB. Choose the right file; nothing was sent.";
    await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
    await expect(page.locator("#signed_token_file-error")).toHaveText(message);
    await expect(page.getByText("This page couldn't load")).toHaveCount(0);
    expect(sent, "nothing was sent to the server").toBe(0);
    await expect(page.getByLabel("or paste it").nth(1)).toHaveValue(key);
    await expect(page.getByLabel("Upload a file").first()).toHaveJSProperty("files.length", 1);
    await expectAccessible(page);
    await page.screenshot({ path: "e2e/.artifacts/upload-too-big.png", fullPage: true });
  });

  test("a form that still arrives over the server's limit comes back as the form's own error, not the error page", async ({ page, request }) => {
    const username = await createUser(request);
    await signIn(page, username, PASSWORD);
    await page.goto(`/users/${username}/mfa`);
    await page.getByRole("button", { name: "Download token file" }).click();
    // Pasted text is not checked in the browser, so this 300 KB form reaches the server.
    const pasted = JSON.stringify({ version: "2.0", tokens: [{ unsigned: "x".repeat(300 * 1024), signed: "" }] });
    await page.getByLabel("or paste it").first().fill(pasted);
    const answer = page.waitForResponse((r) => r.request().method() === "POST" && !!r.request().headers()["next-action"]);
    await page.getByRole("button", { name: "Register MFA key" }).click();
    expect((await answer).status()).toBe(413);
    await expect(page.getByRole("alert").filter({ hasText: /^The form is 30\d KB; the console takes at most 256 KB \(a token file is a few KB\)\. Check the files you chose; nothing was changed\.$/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: `Change MFA for ${username}` })).toBeVisible();
    await expect(page.getByLabel("or paste it").first()).toHaveValue(pasted);
    const list = await api(request, "GET", `/api/v1/user/list?search=${username}`, { token: await apiLogin(request) });
    expect(list.body.data.users[0].mfa).toEqual([]);
  });
});

test("every API answer says Cache-Control: no-store, the session token's above all", async ({ request }) => {
  const login = await request.post("/api/v1/login", { data: { username: E2E.admin, password: E2E.password }, headers: { "x-forwarded-for": "10.77.0.1" } });
  expect(login.status()).toBe(200);
  expect(login.headers()["cache-control"]).toBe("no-store");
  const token = (await login.json()).data.session_token;
  for (const [method, url, status] of [
    ["GET", "/api/v1/user/list", 200],
    ["GET", "/api/v1/clusters", 200],
    ["POST", "/api/v1/user/create", 400],
    ["GET", "/api/v1/no-such-route", 404],
  ] as const) {
    const r = method === "GET" ? await request.get(url, { headers: { authorization: `Bearer ${token}` } }) : await request.post(url, { headers: { authorization: `Bearer ${token}` }, data: {} });
    expect(r.status(), url).toBe(status);
    expect(r.headers()["cache-control"], url).toMatch(/no-store/);
  }
});

test("a path that is not valid percent-encoding is a 404, not a 500", async ({ request }) => {
  const page = await request.get("/users/%E0%A4%A");
  expect(page.status()).toBe(404);
  expect(await page.text()).toContain("<html");
  const apiAnswer = await request.get("/api/v1/user/%E0%A4%A");
  expect(apiAnswer.status()).toBe(404);
  expect(await apiAnswer.json()).toEqual({ error_code: 1, data: "There is no such API route: the path is not valid percent-encoding." });
  expect((await request.get("/users/%41")).status()).not.toBe(500);
});

test("a server action posted with a forged Origin is refused with 403", async ({ request, baseURL }) => {
  const forged: { headers: Record<string, string>; multipart?: Record<string, string>; data?: string }[] = [
    // What a cross-site HTML form sends.
    { headers: { origin: "https://evil.example" }, multipart: { username: "mallory", password: "whatever1" } },
    // What a script on another site sends, as Next's client does.
    { headers: { origin: "https://evil.example", "next-action": "7f00aa", "content-type": "text/plain;charset=UTF-8" }, data: '["$K1"]' },
    { headers: { origin: "null", "next-action": "7f00aa", "content-type": "text/plain;charset=UTF-8" }, data: "[]" },
  ];
  for (const { headers, ...body } of forged) {
    const r = await request.post("/login", { headers, ...body });
    expect(r.status(), JSON.stringify(headers)).toBe(403);
    expect(await r.text()).toBe("This form was sent from another site, so the console refused it. Open the console's own page and send the form from there.");
  }
  // The console's own origin is not refused (the action id is unknown, so Next answers as it does for that).
  const own = await request.post("/login", { headers: { origin: new URL(baseURL!).origin, "next-action": "7f00aa", "content-type": "text/plain;charset=UTF-8" }, data: "[]" });
  expect(own.status()).not.toBe(403);
});

test("the admin's own create-user action, replayed with a forged Origin and the admin's cookies, is refused with 403 and creates nothing", async ({ page, request }) => {
  await signIn(page);
  await page.goto("/users/new");
  const victim = `csrf_${Date.now().toString(36)}`;
  let captured: { headers: Record<string, string>; body: Buffer } | undefined;
  await page.route("**/users/new", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const headers = await route.request().allHeaders();
    captured = { headers, body: route.request().postDataBuffer()! };
    await route.abort();
  });
  await page.getByLabel("Username").fill(victim);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect.poll(() => captured).toBeTruthy();
  const { host: _host, "content-length": _length, ...headers } = captured!.headers;
  expect(headers["next-action"]).toBeTruthy();
  const replay = await page.request.post("/users/new", { headers: { ...headers, origin: "https://evil.example" }, data: captured!.body });
  expect(replay.status()).toBe(403);
  const token = await apiLogin(request);
  expect((await api(request, "GET", `/api/v1/user/list?search=${victim}`, { token })).body.data.users).toEqual([]);
  // The same bytes from the console's own origin do create the user: only the Origin was refused.
  const own = await page.request.post("/users/new", { headers: { ...headers, origin: new URL(page.url()).origin }, data: captured!.body });
  expect(own.status()).toBe(200);
  expect((await api(request, "GET", `/api/v1/user/list?search=${victim}`, { token })).body.data.users).toHaveLength(1);
});

test("refused reads leave an audit event: the audit log over the API and on the page, and its export", async ({ page, request }) => {
  const username = await createUser(request);
  const token = await apiLogin(request, username, PASSWORD);
  expect((await api(request, "GET", "/api/v1/audit", { token })).status).toBe(403);
  // The quorum token list is open to crypto users, as in cloudhsm-cli (docs/decisions/0050): no refusal, no event.
  expect((await api(request, "GET", "/api/v1/quorum/token-sign/list", { token })).status).toBe(200);
  await signIn(page, username, PASSWORD);
  await page.goto("/audit");
  await expect(page.getByText("Admins only")).toBeVisible();
  const exported = await page.request.get("/exports/audit?format=csv");
  expect(exported.status()).toBe(403);

  const admin = await apiLogin(request);
  const events = await api(request, "GET", `/api/v1/audit?actor=${username}&outcome=failure`, { token: admin });
  const seen = events.body.data.events.map((e: { operation: string; error: string; actor_role: string }) => [e.operation, e.actor_role, e.error]);
  expect(seen).toEqual([
    ["audit export", "crypto-user", expect.stringMatching(/^Only an admin can run audit export/)],
    ["audit list", "crypto-user", expect.stringMatching(/^Only an admin can run audit list/)],
    ["audit list", "crypto-user", expect.stringMatching(/^Only an admin can run audit list/)],
  ]);
});

test("Strict-Transport-Security is sent when the request came over HTTPS through the trusted proxy, not over plain HTTP", async ({ request }) => {
  const tls = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
  expect(tls.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  const apiTls = await request.get("/api/v1/clusters", { headers: { "x-forwarded-proto": "https" } });
  expect(apiTls.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  const plain = await request.get("/login");
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
});

test("the quorum page says that a quorum value above the user value protects little", async ({ page }) => {
  await signIn(page);
  await page.goto("/quorum");
  await expect(page.getByText("Keep it at or below the user value: user operations create admins, who can then approve quorum changes, so a higher quorum value protects little.")).toBeVisible();
});
