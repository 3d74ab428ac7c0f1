import { expect, test, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expectNoKeyParts, storageOf, watch } from "./key-leaks";
import { api, apiLogin, createUser, expectAccessible, PASSWORD, screenshot, signIn } from "./support";

function keyFolder() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hsm-e2e-browser-"));
  const sh = (script: string) => execFileSync("bash", ["-c", script], { cwd: dir, encoding: "utf8" });
  sh("openssl genrsa -out user.key 2048 2>/dev/null && openssl rsa -in user.key -pubout -out user.pub.pem 2>/dev/null");
  const read = (name: string) => fs.readFileSync(path.join(dir, name), "utf8");
  return { dir, sh, read, file: (name: string) => path.join(dir, name), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

async function downloadTokenFile(page: Page, dir: string) {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download token file" }).click();
  const d = await download;
  await d.saveAs(path.join(dir, d.suggestedFilename()));
  return JSON.parse(fs.readFileSync(path.join(dir, d.suggestedFilename()), "utf8")) as { version: string; tokens: { unsigned: string; signed: string }[] };
}

test("MFA registration and MFA sign-in with \"sign here\" only: no request, log or storage holds any part of the key", async ({ page, context, request }) => {
  test.slow();
  const username = await createUser(request);
  const keys = keyFolder();
  const seen = watch(context);
  await signIn(page, username, PASSWORD);
  const response = await page.goto(`/users/${username}/mfa`);
  // The page may talk to this server only, whatever script ran in it.
  expect(response!.headers()["content-security-policy"]).toMatch(/(^|;)\s*connect-src 'self'(;|$)/);
  await downloadTokenFile(page, keys.dir);
  const signer = page.getByRole("region", { name: "Sign in this browser" });
  await expect(signer).toContainText("Your key is used in this tab and never sent");
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: "light" });

  await signer.getByLabel("Private key file (user.key)").setInputFiles(keys.file("user.key"));
  await signer.getByRole("button", { name: "Sign here", exact: true }).click();
  await expect(signer.getByText("Signed 2 tokens in this tab with an RSA-2048 key. The key is forgotten.")).toBeVisible();
  // The public half was derived in the page; the signed file was assembled from the per-token fields.
  await expect(page.getByLabel("or paste it").nth(1)).toHaveValue(keys.read("user.pub.pem"));
  const assembled = JSON.parse(await page.getByLabel("or paste it").first().inputValue());
  expect(assembled.tokens).toHaveLength(2);
  await expect(signer.getByLabel("Private key file (user.key)")).toHaveValue("");
  seen.push(await storageOf(page));
  await screenshot(page, "browser-signing");
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Register MFA key" }).click();
  await expect(page.getByText("MFA registered")).toBeVisible();
  const fingerprint = keys.sh("openssl pkey -pubin -in user.pub.pem -outform DER | openssl dgst -sha256 -binary | base64").trim().replace(/=+$/, "");
  // The success message names the key, and the page now shows it as the current key (issue 14).
  await expect(page.getByText(/MFA is enabled for/)).toContainText(`SHA256:${fingerprint}`);
  await expect(page.getByText(`SHA256:${fingerprint}`, { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(`Password accepted. ${username} signs in with token-sign MFA.`)).toBeVisible();
  await expectAccessible(page);
  const loginSigner = page.getByRole("region", { name: "Sign in this browser" });
  await loginSigner.getByLabel("Private key file (user.key)").setInputFiles(keys.file("user.key"));
  await loginSigner.getByRole("button", { name: "Sign here and sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  seen.push(await storageOf(page));

  // The control: the interception saw the public key the registration sent.
  expectNoKeyParts(seen, keys.read("user.key"), keys.read("user.pub.pem").split("\n")[1]);
  keys.remove();
});

test("per-token fields take openssl signatures and assemble the signed file; a wrong one is explained and changes nothing", async ({ page, request }) => {
  const username = await createUser(request);
  const keys = keyFolder();
  await signIn(page, username, PASSWORD);
  await page.goto(`/users/${username}/mfa`);
  const file = await downloadTokenFile(page, keys.dir);
  // The whole-file script downloads as a file, the same script the page shows.
  await page.getByRole("tab", { name: "Script (sh)" }).click();
  const script = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download sign-tokens.sh" }).click();
  const saved = await script;
  expect(saved.suggestedFilename()).toBe("sign-tokens.sh");
  await saved.saveAs(keys.file("sign-tokens.sh"));
  expect(keys.read("sign-tokens.sh")).toBe(await page.getByLabel("Signing script (POSIX shell)").textContent());
  const signatures = file.tokens.map((t, i) => keys.sh(`echo '${t.unsigned}' | base64 -d > t${i}.bin && openssl pkeyutl -sign -inkey user.key -pkeyopt digest:sha256 -in t${i}.bin | base64 -w0`));

  // Token 2 signed with openssl dgst (hashes again): refused for that token, and nothing registered.
  const dgst = keys.sh("openssl dgst -sha256 -sign user.key t1.bin | base64 -w0");
  await page.getByLabel("Token 1 of 2 signature").fill(signatures[0]);
  await page.getByLabel("Token 2 of 2 signature").fill(dgst);
  const expected = { version: "2.0", tokens: [{ unsigned: file.tokens[0].unsigned, signed: signatures[0] }, { unsigned: file.tokens[1].unsigned, signed: dgst }] };
  expect(await page.getByLabel("or paste it").first().inputValue()).toBe(JSON.stringify(expected, null, 2) + "\n");
  await page.getByLabel("Upload a file").nth(1).setInputFiles(keys.file("user.pub.pem"));
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Register MFA key" }).click();
  await expect(page.getByText(/Token 2:.*dgst/)).toBeVisible();
  await expect(page.getByText(/Token 1: signature verified/)).toBeVisible();
  const list = await api(request, "GET", `/api/v1/user/list?search=${username}`, { token: await apiLogin(request) });
  expect(list.body.data.users[0].mfa).toEqual([]);
  await expectAccessible(page);

  // The fields keep what was pasted; fix token 2 and send again.
  await expect(page.getByLabel("Token 1 of 2 signature")).toHaveValue(signatures[0]);
  await page.getByLabel("Token 2 of 2 signature").fill(signatures[1]);
  await page.getByLabel("or paste it").nth(1).fill(keys.read("user.pub.pem"));
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Register MFA key" }).click();
  await expect(page.getByText("MFA registered")).toBeVisible();
  keys.remove();
});

test("a public key, a wrong key or an encrypted key without its passphrase is refused in the page, and nothing is sent", async ({ page, request }) => {
  const username = await createUser(request);
  const keys = keyFolder();
  keys.sh("openssl genrsa -out other.key 2048 2>/dev/null && openssl pkcs8 -topk8 -v2 aes-256-cbc -in user.key -passout pass:secret-pass -out user.p8.key");
  await signIn(page, username, PASSWORD);
  await page.goto(`/users/${username}/mfa`);
  await downloadTokenFile(page, keys.dir);
  const signer = page.getByRole("region", { name: "Sign in this browser" });
  const posts: string[] = [];
  page.on("request", (r) => r.method() === "POST" && posts.push(r.url()));
  await signer.getByLabel("Private key file (user.key)").setInputFiles(keys.file("user.pub.pem"));
  await signer.getByRole("button", { name: "Sign here", exact: true }).click();
  await expect(signer.getByText("This is a public key. Signing needs the private key file (for example user.key).")).toBeVisible();
  await signer.getByLabel("Private key file (user.key)").setInputFiles(keys.file("user.p8.key"));
  await signer.getByRole("button", { name: "Sign here", exact: true }).click();
  await expect(signer.getByText("This key is encrypted: enter its passphrase.")).toBeVisible();
  expect(posts).toEqual([]);
  await signer.getByLabel("Private key file (user.key)").setInputFiles(keys.file("user.p8.key"));
  await signer.getByLabel("Passphrase (encrypted keys only)").fill("secret-pass");
  await signer.getByRole("button", { name: "Sign here", exact: true }).click();
  await expect(signer.getByText(/^Signed 2 tokens in this tab/)).toBeVisible();
  await expect(signer.getByLabel("Passphrase (encrypted keys only)")).toHaveValue("");

  // Signed with a key that is not the one registered at sign-in: the console says which key is wrong.
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Register MFA key" }).click();
  await expect(page.getByText("MFA registered")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  const loginSigner = page.getByRole("region", { name: "Sign in this browser" });
  await loginSigner.getByLabel("Private key file (user.key)").setInputFiles(keys.file("other.key"));
  await loginSigner.getByRole("button", { name: "Sign here and sign in" }).click();
  await expect(page.getByRole("heading", { name: "Result for each token" })).toBeVisible();
  await expect(page.getByText(/Token 1:.*(not made with the private key|a key other than)/)).toBeVisible();
  keys.remove();
});

test("the leak check itself finds a key sent as PEM, DER, base64 at any offset, hex or raw bytes", () => {
  const keys = keyFolder();
  const pem = keys.read("user.key");
  const der = Buffer.from(pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, ""), "base64");
  const middle = der.subarray(400, 480);
  const control = { what: "control", body: Buffer.from("seen") };
  for (const body of [Buffer.from(pem), Buffer.from(`x=${encodeURIComponent(pem)}`), Buffer.from(middle.subarray(1).toString("base64")), Buffer.from(middle.toString("hex")), Buffer.concat([Buffer.from("--b\r\n"), middle])]) {
    expect(() => expectNoKeyParts([control, { what: "request", body }], pem, "seen")).toThrow();
  }
  expectNoKeyParts([control, { what: "public key", body: Buffer.from(keys.read("user.pub.pem")) }], pem, "seen");
  keys.remove();
});
