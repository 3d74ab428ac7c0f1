import { expect, test } from "@playwright/test";
import { useQuorumServer } from "./quorum-support";
import { signIn } from "./support";

// An operator who forbids keys in browsers: BROWSER_SIGNING=off.
useQuorumServer(61, { BROWSER_SIGNING: "off" });

test("with BROWSER_SIGNING=off no page offers to sign in the browser, and the openssl way still works", async ({ page }) => {
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
});
