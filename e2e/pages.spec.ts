import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { constants, generateKeyPairSync, privateEncrypt } from "node:crypto";
import fs from "node:fs";
import { gzipSync } from "node:zlib";
import { api, apiLogin, expectAccessible, PASSWORD, signIn, unique } from "./support";

// Every page as a new admin meets it, at a phone's width (390 × 844) in light and dark: nothing wider than
// the screen, no serious axe violation, no id used twice. Each page is also photographed at 1280 × 800 and
// 390 × 844 into the test artifacts, to be looked at.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

async function pageProblems(page: Page) {
  return page.evaluate(() => {
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    const twice = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
    const root = document.documentElement;
    const wide = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && getComputedStyle(e).position !== "fixed")
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 60)}`);
    return { scrollWidth: root.scrollWidth, innerWidth: window.innerWidth, twice, wide };
  });
}

const BUDGET = 200 * 1024;
const weights: Record<string, number> = {};

/**
 * First-load JavaScript of the page as loaded: every module script its HTML names, gzipped (level 9) as
 * a server would send it, read from the production build that serves the test.
 */
async function firstLoadJs(page: Page): Promise<number> {
  // The legacy polyfills (`nomodule`) are never fetched by a browser that runs modules: not counted.
  const sources = await page.evaluate(() => [...document.querySelectorAll("script[src]:not([nomodule])")].map((s) => new URL((s as HTMLScriptElement).src).pathname));
  return sources
    .filter((p) => p.startsWith("/_next/static/"))
    .reduce((sum, p) => sum + gzipSync(fs.readFileSync(`.next${p.slice("/_next".length)}`), { level: 9 }).length, 0);
}

/** Registers an MFA key for a user through the API, signing as `openssl pkeyutl -pkeyopt digest:sha256` does. */
async function withMfa(request: APIRequestContext, token: string, username: string) {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const prefix = Buffer.from("3031300d060960864801650304020105000420", "hex");
  const who = { username, role: "crypto-user" };
  const issued = await api(request, "POST", "/api/v1/user/change-mfa/token-sign", { token, body: { ...who, token: true } });
  const file = issued.body.data.token_file as { tokens: { unsigned: string; signed: string }[] };
  for (const t of file.tokens) t.signed = privateEncrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([prefix, Buffer.from(t.unsigned, "base64")])).toString("base64");
  const body = { ...who, change_password: PASSWORD, signed_token_file: file, public_key_pem: publicKey.export({ type: "spki", format: "pem" }) };
  const done = await api(request, "POST", "/api/v1/user/change-mfa/token-sign", { token, body });
  expect(done.body, JSON.stringify(done.body)).toMatchObject({ error_code: 0 });
}

/** The checks at 390 px, light and dark, and the pictures at both sizes. */
async function check(page: Page, name: string) {
  weights[name] = await firstLoadJs(page);
  expect.soft(weights[name], `${name}: first-load JS over 200 kB gzip`).toBeLessThanOrEqual(BUDGET);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize(PHONE);
    const p = await pageProblems(page);
    expect.soft(p.twice, `${name}: ids used twice`).toEqual([]);
    expect.soft(p.scrollWidth, `${name} (${scheme}) is wider than a 390 px phone: ${p.wide.join(", ")}`).toBeLessThanOrEqual(p.innerWidth);
    await expectAccessible(page);
    await page.screenshot({ path: `e2e/.artifacts/pages/${name}-390-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: `e2e/.artifacts/pages/${name}-1280.png`, fullPage: true });
  await page.setViewportSize(PHONE);
}

test("every page fits a 390 px phone, light and dark, with unique ids and no axe violation", async ({ page, request }) => {
  test.slow(); // about fifteen pages, each scanned twice
  const token = await apiLogin(request);
  const make = async (role: string, username: string) => {
    const r = await api(request, "POST", "/api/v1/user/create", { token, body: { username, role, password: PASSWORD } });
    expect(r.body, JSON.stringify(r.body)).toMatchObject({ error_code: 0 });
    return username;
  };
  const boss = await make("admin", unique("boss"));
  const cu = await make("crypto-user", unique("cu"));
  await withMfa(request, token, cu);
  const missing: string[] = [];
  page.on("response", (r) => r.status() === 404 && !r.url().includes("/no-such-page") && missing.push(r.url()));

  await page.setViewportSize(PHONE);
  await page.goto("/login");
  await check(page, "login");
  await signIn(page, boss, PASSWORD);

  await page.goto("/");
  await check(page, "overview");
  await page.goto(`/users?search=${cu}`);
  await check(page, "users-filtered");
  await page.goto("/users");
  await check(page, "users");
  await page.goto("/users/new");
  await check(page, "user-create");
  await page.goto(`/users/${cu}`);
  await check(page, "user");
  await page.goto(`/users/${cu}/mfa`);
  // With a key registered and a new token file downloaded, the register and remove forms share the page.
  await page.getByRole("button", { name: "Download token file" }).click();
  await expect(page.getByRole("region", { name: "Remove MFA" })).toBeVisible();
  // Long commands wrap inside their block, and its copy button copies them exactly.
  const block = page.getByLabel("Token 1 commands (Linux)");
  expect(await block.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy Token 1 commands (Linux)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "copied to the clipboard" })).toBeAttached();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await block.textContent());
  await expect(page.getByLabel("Token 1 commands (Linux)")).toBeVisible();
  await check(page, "mfa-register");
  await page.goto("/cluster");
  await check(page, "cluster");
  await page.goto(`/quorum?service=user&command=user+delete&username=${cu}&role=crypto-user#request`);
  await page.getByRole("button", { name: "Generate token" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Token generated" })).toBeVisible();
  await check(page, "quorum");
  await page.goto("/quorum/register");
  await page.getByRole("button", { name: "Get a registration token file" }).click();
  await expect(page.getByLabel("Registration token file", { exact: true })).toBeVisible();
  await check(page, "quorum-register");
  await page.goto("/approvals");
  await check(page, "approvals");
  await page.goto(`/audit?actor=${boss}`);
  await check(page, "audit");
  await page.getByRole("link", { name: /^Event \d+$/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /Event/ })).toBeVisible();
  await check(page, "audit-event");
  await page.goto("/account");
  await check(page, "account");
  await page.goto("/no-such-page");
  await check(page, "not-found");
  expect(missing, "requests answered 404 (a missing favicon, an image)").toEqual([]);
  fs.writeFileSync("e2e/.artifacts/pages/first-load-js.json", JSON.stringify(Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, `${(v / 1024).toFixed(1)} kB`])), null, 2));
});
