import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { E2E } from "../playwright.config";

export { E2E };
export const unique = (prefix: string) => `${prefix}_${randomBytes(3).toString("hex")}`;
export const PASSWORD = "e2e user password";

type Envelope = { error_code: number; data: any };

/** Calls the JSON API as a script would. */
export async function api(request: APIRequestContext, method: "GET" | "POST", url: string, opts: { token?: string; body?: unknown; ip?: string } = {}) {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.ip) headers["x-forwarded-for"] = opts.ip;
  const response = method === "GET" ? await request.get(url, { headers }) : await request.post(url, { headers, data: opts.body ?? {} });
  return { status: response.status(), body: (await response.json()) as Envelope, headers: response.headers() };
}

export async function apiLogin(request: APIRequestContext, username = E2E.admin, password = E2E.password) {
  const r = await api(request, "POST", "/api/v1/login", { body: { username, password }, ip: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
  expect(r.body, JSON.stringify(r.body)).toMatchObject({ error_code: 0 });
  return r.body.data.session_token as string;
}

/** A fresh user made through the API by the bootstrapped admin. */
export async function createUser(request: APIRequestContext, role: "admin" | "crypto-user" = "crypto-user", username = unique(role === "admin" ? "adm" : "cu")) {
  const token = await apiLogin(request);
  const r = await api(request, "POST", "/api/v1/user/create", { token, body: { username, role, password: PASSWORD } });
  expect(r.body, JSON.stringify(r.body)).toMatchObject({ error_code: 0 });
  return username;
}

export async function signIn(page: Page, username = E2E.admin, password = E2E.password) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  // Most tests start from the users list, the CLI's `user list`.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
}

/** No serious or critical accessibility violations on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/**
 * The README's screenshots are rewritten only when asked (`UPDATE_SCREENSHOTS=1`), so `npm test` leaves the
 * work tree clean; otherwise the picture goes to the test artifacts, where a failing run can be looked at.
 */
export async function screenshot(page: Page, name: string) {
  const dir = process.env.UPDATE_SCREENSHOTS === "1" ? "docs/screenshots" : "e2e/.artifacts/screenshots";
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
