import { expect, test } from "@playwright/test";
import { api, apiLogin, createUser, expectAccessible, PASSWORD, signIn } from "./support";

test("sign-in: a wrong password is refused with the generic message, the right one opens the users page", async ({ page }) => {
  const username = await createUser(page.request);
  await page.goto("/login");
  await expectAccessible(page);
  await page.getByLabel("Username").fill(username.toUpperCase());
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("the username or password is wrong, or the account is locked");
  await expect(page.getByLabel("Username")).toHaveValue(username.toUpperCase());
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: `${username} (crypto-user)` })).toBeVisible();

  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.includes("authjs.session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.goto("/users");
  await expect(page).toHaveURL(/\/login$/);
});

test("lockout: five failures lock the account; an admin unlocks it by setting a new password", async ({ page, browser }) => {
  const username = await createUser(page.request);
  await page.goto("/login");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password").fill(`wrong guess ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    // The form clears the password once the server has answered.
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.locator("form").getByRole("alert")).toContainText("Sign-in failed");
  }
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("Sign-in failed");

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin);
  await admin.goto(`/users?locked=true&search=${username}`);
  await expect(admin.getByRole("row", { name: new RegExp(username) })).toContainText("Locked");
  await admin.getByRole("link", { name: username, exact: true }).click();
  await expect(admin.getByText("Locked after five failed sign-ins")).toBeVisible();
  await expectAccessible(admin);
  await admin.getByLabel(`New password for ${username}`).fill("a fresh password");
  await admin.getByRole("button", { name: "Change password" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "was changed" })).toContainText("the account is unlocked");
  await adminContext.close();

  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("a fresh password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
});

test("a session ends on the server when its user's password is changed by an admin", async ({ page, request }) => {
  const username = await createUser(request);
  await signIn(page, username, PASSWORD);
  const token = await apiLogin(request);
  const r = await api(request, "POST", "/api/v1/user/change-password", { token, body: { username, role: "crypto-user", password: "another password" } });
  expect(r.body.error_code).toBe(0);
  await page.reload();
  await expect(page).toHaveURL(/\/login$/);
});

test("pages carry the security headers", async ({ request }) => {
  const response = await request.get("/login");
  const h = response.headers();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("same-origin");
});
