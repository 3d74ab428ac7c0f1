import { expect, test } from "@playwright/test";
import { useQuorumServer } from "./quorum-support";
import { api, apiLogin, createUser, signIn } from "./support";

// An operator who forbids keys in browsers: BROWSER_SIGNING=off.
useQuorumServer("browser-signing-off", { BROWSER_SIGNING: "off" }); // a server of its own, on a free port

test("with BROWSER_SIGNING=off no page offers to sign in the browser, and the openssl way still works", async ({ page, request }) => {
  await signIn(page);
  await page.goto("/users/admin/mfa");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download token file" }).click();
  await download;
  await expect(page.getByLabel("Token 1 commands (Linux)")).toBeVisible();
  await expect(page.getByLabel("Token 1 of 2 signature")).toBeVisible();
  await expect(page.getByRole("region", { name: "Sign in this browser" })).toHaveCount(0);
  await page.goto("/quorum/register");
  await page.getByRole("button", { name: "Get a registration token file" }).click();
  await expect(page.getByLabel("Registration token file", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Sign in this browser" })).toHaveCount(0);

  const victim = await createUser(request);
  const generated = await api(request, "POST", "/api/v1/quorum/token-sign/generate", { token: await apiLogin(request), body: { service: "user", operation: { command: "user delete", username: victim, role: "crypto-user" } } });
  expect(generated.body, JSON.stringify(generated.body)).toMatchObject({ error_code: 0 });
  await page.goto("/approvals");
  const card = page.getByRole("region", { name: new RegExp(`asks to delete crypto-user ${victim}`) });
  await expect(card.getByLabel(/^Commands to sign the token of/)).toBeVisible();
  await expect(card.getByRole("region", { name: "Sign in this browser" })).toHaveCount(0);
});
