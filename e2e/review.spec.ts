import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import fs from "node:fs";
import { api, apiLogin, E2E, expectAccessible, PASSWORD, screenshot, signIn, unique } from "./support";

/** Parses the console's CSV (every cell quoted, CRLF lines). */
function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split("\r\n")
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"')));
}

async function download(page: Page, link: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  return fs.readFileSync((await file.path())!, "utf8");
}

/** The count in a link named "N what", then the list it opens: same filters in the URL, same total. */
async function followCount(page: Page, what: string, params: Record<string, string>) {
  await expect(async () => {
    await page.goto("/");
    const link = page.getByRole("link", { name: new RegExp(`^[\\d,]+ ${what}$`) }).first();
    const count = Number((await link.innerText()).trim().split(/\s/)[0].replace(/,/g, ""));
    await link.click();
    await expect(page).toHaveURL(/\/users/);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual(params);
    const summary = await page.getByRole("navigation", { name: "Pages of users" }).locator("p").innerText();
    expect(summary === "No users" ? 0 : Number(summary.split(" of ")[1].replace(/,/g, ""))).toBe(count);
  }).toPass({ timeout: 30_000 }); // other tests add users meanwhile: retry until the two reads agree
}

// One sign-in of the bootstrapped admin per worker: each test then makes its own admin ("boss") to sign in
// with, so this file adds almost nothing to the admin's sign-ins on the shared server.
let adminToken: Promise<string> | undefined;

async function setup(request: APIRequestContext) {
  const token = await (adminToken ??= apiLogin(request).catch((e) => ((adminToken = undefined), Promise.reject(e))));
  const make = async (role: "admin" | "crypto-user" = "crypto-user", username = unique(role === "admin" ? "adm" : "cu")) => {
    const r = await api(request, "POST", "/api/v1/user/create", { token, body: { username, role, password: PASSWORD } });
    expect(r.body, JSON.stringify(r.body)).toMatchObject({ error_code: 0 });
    return username.toLowerCase();
  };
  return { token, make, boss: await make("admin", unique("boss")) };
}

async function lockOut(request: Parameters<typeof apiLogin>[0], username: string) {
  for (let i = 0; i < 5; i++) await api(request, "POST", "/api/v1/login", { body: { username, password: `wrong ${i}` }, ip: `10.77.${i}.${Math.floor(Math.random() * 250)}` });
}

test("the overview's numbers open the users list filtered to exactly those users", async ({ page, request }) => {
  const { make, boss } = await setup(request);
  const admin = await make("admin");
  const locked = await make();
  await lockOut(request, locked);
  await signIn(page, boss, PASSWORD);
  await page.getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /admins? (has|have) no MFA/ })).toBeVisible();
  await expect(page.getByText("M = 1: user operations run without anyone else's approval.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Audit chain" })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByText(/users with a key under \d+ bits/i)).toHaveCount(0); // RSA-2048 is CloudHSM's size: not flagged by default

  const cases: [string, Record<string, string>, string?][] = [
    ["admins without MFA", { role: "admin", mfa: "disabled" }, admin],
    ["crypto users without MFA", { role: "crypto-user", mfa: "disabled" }, locked],
    ["users in all", {}],
    ["admins with quorum keys", { role: "admin", quorum: "enabled" }],
    ["locked accounts", { locked: "true" }, locked],
    ["users with a key older than a year", { key_age: "over_1y" }],
    ["users who never signed in", { never_signed_in: "true" }, locked],
  ];
  for (const [what, params, mine] of cases) {
    await followCount(page, what, params);
    if (mine) {
      await page.goto(`/users?${new URLSearchParams({ ...params, search: mine })}`);
      await expect(page.getByRole("table").getByRole("link", { name: mine, exact: true })).toBeVisible();
    }
  }
  await page.goto("/users?key_bits=2048");
  await expect(page.getByText("Use under_<bits>, such as under_3072 (keys under 128-bit strength).")).toBeVisible();
});

test("audit log: filters, the detail of an event, and exports that parse with the right rows", async ({ page, request }) => {
  const { token, boss } = await setup(request);
  const name = unique("audited").toLowerCase();
  await api(request, "POST", "/api/v1/user/create", { token, body: { username: name, role: "crypto-user", password: PASSWORD } });
  const again = await api(request, "POST", "/api/v1/user/create", { token, body: { username: name, role: "crypto-user", password: PASSWORD } });
  expect(again.status).toBe(409);
  await api(request, "POST", "/api/v1/user/change-password", { token, body: { username: name, role: "crypto-user", password: "another password" } });

  await signIn(page, boss, PASSWORD);
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Target").fill(name);
  await page.getByRole("button", { name: "Apply" }).click();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText("user change-password");
  await expect(rows.nth(3)).toContainText("user create");
  await expect(rows.nth(1)).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
  await expect(rows.nth(1).locator("time")).toContainText("local");
  await page.getByLabel("Outcome").selectOption("failure");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("already exists");
  // A long reason is cut on the list, and opens in place to be read whole.
  const reason = String(again.body.data);
  expect(reason.length).toBeGreaterThan(60);
  await expect(rows.nth(1).getByText(reason)).toBeHidden();
  await rows.nth(1).getByText("more", { exact: true }).first().click(); // the reason's; the user agent's comes after
  await expect(rows.nth(1).getByText(reason)).toBeVisible();
  const today = new Date().toISOString().slice(0, 10);
  await page.goto(`/audit?target=${name}&from=${today}&to=${today}`);
  await expect(rows).toHaveCount(4);
  await page.goto(`/audit?target=${name}&from=2000-01-01&to=2000-01-02`);
  await expect(page.getByText("No event matches these filters.")).toBeVisible();
  await page.goto(`/audit?from=2026-13-45`);
  await expect(page.getByText("The start date is not a real date.").first()).toBeVisible();
  await expect(page.getByLabel("From (UTC day)")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.goto(`/audit?target=${name}&operation=user+change-password`);
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: /^Event \d+$/ })).toBeVisible();
  const changes = page.getByRole("table", { name: "Fields before and after the operation" });
  await expect(changes.getByRole("row", { name: /locked/ })).toBeVisible();
  await expect(changes.getByRole("row", { name: /password_changed_at/ })).toContainText("changed");
  await expect(page.getByText("Client address")).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/audit?target=${name}`);
  const csv = parseCsv(await download(page, "Export CSV"));
  expect(csv[0].slice(0, 8)).toEqual(["seq", "id", "time", "actor", "actor_role", "operation", "target", "outcome"]);
  expect(csv.slice(1).map((r) => [r[5], r[7]])).toEqual([["user change-password", "success"], ["user create", "failure"], ["user create", "success"]]);
  const json = JSON.parse(await download(page, "Export JSON"));
  expect(json.events.map((e: { operation: string; target: string }) => [e.operation, e.target])).toEqual([
    ["user change-password", name], ["user create", name], ["user create", name],
  ]);

  const fromApi = await api(request, "GET", `/api/v1/audit?target=${name}&outcome=success&limit=1`, { token });
  expect(fromApi.body.error_code).toBe(0);
  expect(fromApi.body.data.events.map((e: { operation: string }) => e.operation)).toEqual(["user change-password"]);
  const next = await api(request, "GET", `/api/v1/audit?target=${name}&outcome=success&limit=1&cursor=${fromApi.body.data.next_cursor}`, { token });
  expect(next.body.data.events.map((e: { operation: string }) => e.operation)).toEqual(["user create"]);
  const bad = await api(request, "GET", `/api/v1/audit?from=yesterday`, { token });
  expect([bad.status, bad.body.error_code, bad.body.data]).toEqual([400, 1, "from: Give the start date as YYYY-MM-DD (UTC)."]);
});

test("the credential report exports the filtered users as CSV and JSON", async ({ page, request }) => {
  const prefix = unique("rep").toLowerCase();
  const { make, boss } = await setup(request);
  for (const suffix of ["a", "b"]) await make("crypto-user", `${prefix}_${suffix}`);
  await make("admin", `${prefix}_c`);
  await signIn(page, boss, PASSWORD);
  await page.goto(`/users?search=${prefix}&role=crypto-user`);
  const csv = parseCsv(await download(page, "Export CSV"));
  expect(csv[0]).toEqual(["username", "role", "locked", "mfa", "mfa_fingerprint", "mfa_key_bits", "mfa_registered_at", "quorum", "quorum_fingerprint", "quorum_key_bits", "quorum_registered_at", "created_at", "last_sign_in_at"]);
  expect(csv.slice(1).map((r) => r.slice(0, 4))).toEqual([[`${prefix}_a`, "crypto-user", "false", "none"], [`${prefix}_b`, "crypto-user", "false", "none"]]);
  const json = JSON.parse(await download(page, "Export JSON"));
  expect(json.users.map((u: { username: string }) => u.username)).toEqual([`${prefix}_a`, `${prefix}_b`]);
  expect(json.filters).toEqual({ search: prefix, role: "crypto-user" });
});

test("a crypto user cannot open the audit log or the exports, by page, download or API", async ({ page, request }) => {
  const username = await (await setup(request)).make();
  await signIn(page, username, PASSWORD);
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
  await page.goto("/audit");
  await expect(page.getByRole("alert").filter({ hasText: "Admins only" })).toContainText("Only an admin can run audit list.");
  await expect(page.getByRole("table")).toHaveCount(0);
  await page.goto("/audit/1");
  await expect(page.getByRole("alert").filter({ hasText: "Admins only" })).toContainText("Only an admin can run audit list.");
  for (const url of ["/exports/audit?format=csv", "/exports/users?format=json"]) {
    const r = await page.request.get(url);
    expect(r.status()).toBe(403);
    expect(await r.text()).toMatch(/Only an admin can run (audit export|user report)\./);
  }
  const token = await apiLogin(request, username, PASSWORD);
  const r = await api(request, "GET", "/api/v1/audit", { token });
  expect([r.status, r.body]).toEqual([403, { error_code: 1, data: "Only an admin can run audit list." }]);
  const anonymous = await request.get(`${E2E.baseURL}/exports/audit?format=csv`);
  expect(anonymous.status()).toBe(401);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Audit chain" })).toHaveCount(0);
});

test("my account: keys, recent sign-ins, and ending another of my sessions", async ({ page, request }) => {
  const username = await (await setup(request)).make();
  const apiToken = await apiLogin(request, username, PASSWORD);
  await signIn(page, username, PASSWORD);
  await page.getByRole("link", { name: "My account" }).click();
  await expect(page.getByRole("heading", { name: "My account", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "My keys" })).toBeVisible();
  await expect(page.getByText("None registered.")).toHaveCount(2);
  await expect(page.getByText("Signed in", { exact: true })).toHaveCount(2);
  const sessions = page.getByRole("table", { name: "Your open sessions" });
  await expect(sessions.getByRole("row")).toHaveCount(3);
  await expect(sessions.getByText("This session")).toBeVisible();
  await expectAccessible(page);
  await sessions.getByRole("button", { name: /End api session/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "The session has ended" })).toBeVisible();
  await expect(sessions.getByRole("row")).toHaveCount(2);
  expect((await api(request, "GET", "/api/v1/user/list", { token: apiToken })).status).toBe(401);
});

test("overview and audit log screenshots for the README", async ({ page, request }) => {
  await signIn(page, (await setup(request)).boss, PASSWORD);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Quorum health" })).toBeVisible();
  await screenshot(page, "overview");
  await page.goto("/audit");
  await expect(page.getByRole("table")).toBeVisible();
  await expect(page.getByRole("table").locator("time").first()).toContainText("local");
  await screenshot(page, "audit-log");
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await page.goto("/");
  await expectAccessible(page);
});

test("the overview lists open quorum tokens with their progress and time left", async ({ page, request }) => {
  const { boss, make } = await setup(request);
  const target = await make();
  const bossToken = await apiLogin(request, boss, PASSWORD);
  const generated = await api(request, "POST", "/api/v1/quorum/token-sign/generate", {
    token: bossToken,
    body: { service: "user", operation: { command: "user delete", username: target, role: "crypto-user" } },
  });
  expect(generated.body.error_code, JSON.stringify(generated.body)).toBe(0);
  await signIn(page, boss, PASSWORD);
  await page.goto("/");
  const card = page.getByRole("region", { name: /Open quorum tokens/ });
  const row = card.getByRole("listitem").filter({ hasText: `delete crypto-user ${target}` });
  await expect(row).toContainText(boss);
  await expect(row).toContainText(/0 of 1 approvals|1 of 1 approvals/);
  await expect(row).toContainText(/\d+ min \d+ s left/);
  await expectAccessible(page);
});
