import { expect, test, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { api, apiLogin, createUser, expectAccessible, PASSWORD, screenshot, signIn } from "./support";

/** A user's own folder with a fresh RSA key pair, made with openssl as the docs say. */
function keyFolder() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hsm-e2e-keys-"));
  const sh = (script: string) => execFileSync("bash", ["-c", script], { cwd: dir, encoding: "utf8" });
  sh("openssl genrsa -out user.key 2048 2>/dev/null && openssl rsa -in user.key -pubout -out user.pub.pem 2>/dev/null");
  return { dir, sh, file: (name: string) => path.join(dir, name) };
}

async function downloadTokenFile(page: Page, click: () => Promise<void>, dir: string) {
  const download = page.waitForEvent("download");
  await click();
  const d = await download;
  const target = path.join(dir, d.suggestedFilename());
  await d.saveAs(target);
  return { name: d.suggestedFilename(), path: target, json: JSON.parse(fs.readFileSync(target, "utf8")) as { version: string; tokens: { unsigned: string; signed: string }[] } };
}

test("a crypto user registers MFA with openssl, then signs in with a signed login token file", async ({ page, request }) => {
  const username = await createUser(request);
  const keys = keyFolder();
  await signIn(page, username, PASSWORD);
  await page.getByRole("link", { name: `${username} (crypto-user)` }).click();
  await page.getByRole("link", { name: "Register MFA" }).click();
  await expect(page.getByRole("heading", { name: `Change MFA for ${username}` })).toBeVisible();
  await expectAccessible(page);

  const tokenFile = await downloadTokenFile(page, () => page.getByRole("button", { name: "Download token file" }).click(), keys.dir);
  expect(tokenFile.name).toMatch(new RegExp(`^cluster-[a-z2-7]+-${username}-mfa-token\\.json$`));
  expect(tokenFile.json.version).toBe("2.0");
  expect(tokenFile.json.tokens).toHaveLength(2);
  for (const t of tokenFile.json.tokens) expect(t).toEqual({ unsigned: expect.any(String), signed: "" });

  // Sign each token with the Linux commands the page shows, exactly as printed.
  const signed = structuredClone(tokenFile.json);
  for (let i = 0; i < signed.tokens.length; i++) {
    const commands = await page.getByLabel(`Token ${i + 1} commands (Linux)`).textContent();
    expect(commands).toContain(signed.tokens[i].unsigned);
    expect(commands).toContain("openssl pkeyutl -sign -inkey user.key -pkeyopt digest:sha256");
    signed.tokens[i].signed = keys.sh(commands!).trim();
    expect(keys.sh(`openssl pkeyutl -verify -pubin -inkey user.pub.pem -pkeyopt digest:sha256 -in token${i + 1}.bin -sigfile token${i + 1}.sig.bin`)).toContain("Signature Verified Successfully");
  }
  await screenshot(page, "mfa-register");
  fs.writeFileSync(keys.file("signed.json"), JSON.stringify(signed, null, 2));

  await page.getByLabel("Upload a file").first().setInputFiles(keys.file("signed.json"));
  await page.getByLabel("Upload a file").nth(1).setInputFiles(keys.file("user.pub.pem"));
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Register MFA key" }).click();
  const fingerprint = keys.sh("openssl pkey -pubin -in user.pub.pem -outform DER | openssl dgst -sha256 -binary | base64").trim().replace(/=+$/, "");
  await expect(page.getByText("MFA registered")).toBeVisible();
  // The page around the success shows the new truth: the key in "Current key", and a way to remove it.
  const current = page.getByRole("region", { name: "Current key" });
  await expect(current.getByText(`SHA256:${fingerprint}`)).toBeVisible();
  await expect(current).not.toContainText("None registered");
  await expect(page.getByRole("region", { name: "Remove MFA" })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/users?search=${username}`);
  await expect(page.getByRole("row", { name: new RegExp(username) })).toContainText("Enabled");

  // Sign out, then sign in: password, then the login token file, signed with the page's script.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  const login = await downloadTokenFile(page, () => page.getByRole("button", { name: "Sign in" }).click(), keys.dir);
  expect(login.name).toMatch(new RegExp(`-${username}-login-token\\.json$`));
  await expect(page.getByText(`Password accepted. ${username} signs in with token-sign MFA.`)).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await screenshot(page, "login-mfa-dark");
  await page.emulateMedia({ colorScheme: "light" });
  await page.getByRole("tab", { name: "Script (sh)" }).click();
  fs.writeFileSync(keys.file("sign-tokens.sh"), (await page.getByLabel("Signing script (POSIX shell)").textContent())!);
  keys.sh("sh sign-tokens.sh user.key");
  const signedLogin = login.name.replace(/\.json$/, "-signed.json");
  await page.getByLabel("Upload a file").setInputFiles(keys.file(signedLogin));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  fs.rmSync(keys.dir, { recursive: true, force: true });
});

test("a signature made with openssl dgst is explained for each token, with the right command", async ({ page, request }) => {
  const username = await createUser(request);
  const keys = keyFolder();
  await signIn(page, username, PASSWORD);
  await page.goto(`/users/${username}/mfa`);
  const tokenFile = await downloadTokenFile(page, () => page.getByRole("button", { name: "Download token file" }).click(), keys.dir);
  const wrong = structuredClone(tokenFile.json);
  wrong.tokens.forEach((t, i) => {
    fs.writeFileSync(keys.file(`t${i}.bin`), Buffer.from(t.unsigned, "base64"));
    t.signed = keys.sh(`openssl dgst -sha256 -sign user.key t${i}.bin | base64 -w0`);
  });
  await page.getByLabel("or paste it").first().fill(JSON.stringify(wrong));
  await page.getByLabel("or paste it").nth(1).fill(fs.readFileSync(keys.file("user.pub.pem"), "utf8"));
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Register MFA key" }).click();
  await expect(page.getByRole("heading", { name: "Result for each token" })).toBeVisible();
  await expect(page.getByText(/Token 1:.*dgst/)).toBeVisible();
  await expect(page.getByText(/Token 2:.*dgst/)).toBeVisible();
  // Commands show as code (no literal backticks), and token 2's fix names token 2's files.
  const results = page.getByRole("heading", { name: "Result for each token" }).locator("..");
  await expect(results).not.toContainText("`");
  await expect(results.locator("li").nth(1)).toContainText("-in token2.bin -out token2.sig.bin");
  await expect(results.locator("li").nth(1)).not.toContainText("token1");
  await expect(results.locator("li").nth(1).locator("code").first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "mfa-diagnostics");
  const list = await api(request, "GET", `/api/v1/user/list?search=${username}`, { token: await apiLogin(request) });
  expect(list.body.data.users[0].mfa).toEqual([]);
  fs.rmSync(keys.dir, { recursive: true, force: true });
});

test("an admin registers and removes MFA for a crypto user; a crypto user cannot touch another's MFA", async ({ page, request }) => {
  const target = await createUser(request);
  const bystander = await createUser(request);
  const keys = keyFolder();
  await signIn(page);
  await page.goto(`/users/${target}/mfa`);
  const tokenFile = await downloadTokenFile(page, () => page.getByRole("button", { name: "Download token file" }).click(), keys.dir);
  fs.writeFileSync(keys.file("sign-tokens.sh"), (await page.getByRole("tab", { name: "Script (sh)" }).click(), await page.getByLabel("Signing script (POSIX shell)").textContent())!);
  keys.sh("sh sign-tokens.sh user.key");
  await page.getByLabel("Upload a file").first().setInputFiles(keys.file(tokenFile.name.replace(/\.json$/, "-signed.json")));
  await page.getByLabel("Upload a file").nth(1).setInputFiles(keys.file("user.pub.pem"));
  await page.getByLabel(`Password for ${target}`).fill("set by the admin");
  await page.getByLabel("Also use this key for quorum approvals").check();
  await page.getByRole("button", { name: "Register MFA key" }).click();
  await expect(page.getByText("MFA registered")).toBeVisible();

  await page.goto(`/users/${target}/mfa`);
  const remove = page.getByRole("region", { name: "Remove MFA" });
  await remove.getByLabel(`Password for ${target}`).fill("set by the admin");
  await page.getByRole("button", { name: "Remove MFA key" }).click();
  await expect(page.getByText("Confirm to continue.")).toBeVisible();
  await remove.getByLabel(/I confirm that/).check();
  await remove.getByLabel(`Password for ${target}`).fill("set by the admin");
  await page.getByRole("button", { name: "Remove MFA key" }).click();
  await expect(page.getByText(`MFA is removed for ${target}`)).toBeVisible();
  await expect(page.getByRole("region", { name: "Current key" })).toContainText("None registered");
  await expect(page.getByRole("region", { name: "Remove MFA" })).toHaveCount(0);

  const token = await apiLogin(request, bystander, PASSWORD);
  const denied = await api(request, "POST", "/api/v1/user/change-mfa/token-sign", { token, body: { username: target, role: "crypto-user", token: true } });
  expect(denied.status).toBe(403);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, bystander, PASSWORD);
  await page.goto(`/users/${target}/mfa`);
  await expect(page.getByText("A crypto-user can change only their own MFA.")).toBeVisible();
  fs.rmSync(keys.dir, { recursive: true, force: true });
});
