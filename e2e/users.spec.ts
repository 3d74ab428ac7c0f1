import { expect, test } from "@playwright/test";
import { createUser, expectAccessible, PASSWORD, screenshot, signIn, unique } from "./support";

test("an admin creates, finds, filters and deletes a user", async ({ page }) => {
  await signIn(page);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Create user" }).click();
  await expect(page.getByRole("heading", { name: "Create user" })).toBeVisible();
  await expectAccessible(page);

  const name = unique("Dave");
  await page.getByLabel("Username").fill("bad-name");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText("A username may contain only letters, digits and underscores (_).")).toBeVisible();
  await expect(page.getByText("A password has 8 to 64 characters.")).toBeVisible();
  await expect(page.getByLabel("Username")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.getByLabel("Username").fill(name);
  await page.getByLabel("Role").selectOption("admin");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("heading", { name: name.toLowerCase(), level: 1 })).toBeVisible();
  await expect(page.getByText(`User ${name.toLowerCase()} was created.`)).toBeVisible();

  await page.getByRole("link", { name: "Users", exact: true }).click();
  await page.getByLabel("Username starts with").fill(name.toUpperCase());
  await page.getByLabel("Role").selectOption("admin");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/role=admin/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(name.toLowerCase());
  await page.getByLabel("Role").selectOption("crypto-user");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No user matches these filters.")).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/users/${name.toLowerCase()}`);
  await page.getByRole("button", { name: `Delete ${name.toLowerCase()}` }).click();
  await expect(page.getByText("Type the username exactly.")).toBeVisible();
  await page.getByLabel(`Type ${name.toLowerCase()} to confirm`).fill(name.toLowerCase());
  await page.getByRole("button", { name: `Delete ${name.toLowerCase()}` }).click();
  await expect(page).toHaveURL(/\/users\?deleted=/);
  await page.goto(`/users?search=${name.toLowerCase()}`);
  await expect(page.getByText("No user matches these filters.")).toBeVisible();
});

test("a crypto user sees the list without admin controls, and changes their own password", async ({ page, request }) => {
  const username = await createUser(request);
  await signIn(page, username, PASSWORD);
  await expect(page.getByRole("link", { name: "Create user" })).toHaveCount(0);
  await page.goto("/users/admin");
  await expect(page.getByRole("heading", { name: "admin", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Delete user" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Change password" })).toHaveCount(0);
  await page.goto("/users/new");
  await expect(page.getByText("Only an admin can create users.")).toBeVisible();

  await page.getByRole("link", { name: `${username} (crypto-user)` }).click();
  await expectAccessible(page);
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("Your new password").fill("my own new password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "was changed" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: username, level: 1 })).toBeVisible(); // this session stays
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, username, "my own new password");
});

test("the cluster page lists HSMs in token order; an admin adds and removes one, never the last", async ({ page }) => {
  await signIn(page);
  await page.getByRole("link", { name: "Cluster" }).click();
  await expect(page.getByRole("heading", { name: /HSMs \(\d+\)/ })).toBeVisible();
  await expectAccessible(page);
  const label = unique("Spare");
  await page.getByLabel("Label (optional)").fill(label);
  await page.getByRole("button", { name: "Add HSM" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added" })).toContainText("one more token");
  const row = page.getByRole("row", { name: new RegExp(label) });
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: /Remove/ }).click();
  await expect(page.getByRole("row", { name: new RegExp(label) })).toHaveCount(0);
});

test("users page screenshot for the README", async ({ page, request }) => {
  for (const role of ["crypto-user", "crypto-user", "admin"] as const) await createUser(request, role);
  await signIn(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/users?per_page=10");
  await expect(page.getByRole("table")).toBeVisible();
  await screenshot(page, "users");
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await screenshot(page, "users-dark");
});
