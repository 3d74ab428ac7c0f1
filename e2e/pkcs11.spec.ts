import { expect, test, type Page } from "@playwright/test";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createUser, expectAccessible, PASSWORD, screenshot, signIn } from "./support";

// A PKCS#11 token for real: SoftHSM2 (Debian softhsm2), pkcs11-tool (opensc) and OpenSSL's pkcs11 engine
// (libengine-pkcs11-openssl). `.ci/run` installs them; on a machine without them this spec is skipped.
const MODULE = ["/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so", "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"].find((m) => fs.existsSync(m));
const has = (cmd: string, ...args: string[]) => spawnSync(cmd, args, { stdio: "ignore" }).status === 0;
const missing = [
  !MODULE || !has("softhsm2-util", "--version") ? "softhsm2" : null,
  !has("sh", "-c", "command -v pkcs11-tool") ? "opensc" : null,
  !has("openssl", "engine", "pkcs11", "-t") ? "libengine-pkcs11-openssl" : null,
].filter(Boolean);
test.skip(missing.length > 0, `PKCS#11 test skipped: install the Debian packages ${missing.join(", ")} (.ci/run does).`);

const PIN = "246810";

/** A software token with an RSA-2048 key generated inside it (id 02): the private key never exists as a file. */
function softToken() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hsm-e2e-pkcs11-"));
  fs.mkdirSync(path.join(dir, "tokens"));
  fs.writeFileSync(path.join(dir, "softhsm2.conf"), `directories.tokendir = ${dir}/tokens\nobjectstore.backend = file\nlog.level = ERROR\n`);
  const env = { ...process.env, SOFTHSM2_CONF: path.join(dir, "softhsm2.conf"), PKCS11_PIN: PIN };
  execFileSync("softhsm2-util", ["--init-token", "--free", "--label", "e2e", "--pin", PIN, "--so-pin", "13579135"], { env, stdio: "ignore" });
  execFileSync("pkcs11-tool", ["--module", MODULE!, "--login", "--pin", PIN, "--keypairgen", "--key-type", "rsa:2048", "--id", "02", "--label", "mfa"], { env, stdio: "ignore" });
  /** Runs commands exactly as a page shows them (PKCS11_PIN set, as the page's `read -rs` line does); returns stdout. */
  const run = (commands: string) => execFileSync("sh", ["-e", "-c", commands], { cwd: dir, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return { dir, run, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

async function choosePkcs11(page: Page) {
  await page.getByRole("tab", { name: "Smart card (PKCS#11)" }).click();
  await page.getByLabel("PKCS#11 module").fill(MODULE!);
  await page.getByLabel("Key id (hex)").fill("02");
}

test("a key generated inside a PKCS#11 token registers MFA and signs in, with exactly the commands the page shows", async ({ page, request }) => {
  test.slow();
  const token = softToken();
  const username = await createUser(request);
  await signIn(page, username, PASSWORD);
  await page.goto(`/users/${username}/mfa`);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download token file" }).click();
  await download;
  await choosePkcs11(page);
  await expect(page.getByLabel("PIN for the PKCS#11 commands")).toHaveText(/^read -rs PKCS11_PIN && export PKCS11_PIN/);
  token.run((await page.getByLabel("Public key from the token (PKCS#11)").textContent())!);
  const publicPem = fs.readFileSync(path.join(token.dir, "user.pub.pem"), "utf8");
  expect(publicPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  for (const n of [1, 2]) {
    const commands = (await page.getByLabel(`Token ${n} commands (PKCS#11, openssl)`).textContent())!;
    expect(commands).toContain("openssl pkeyutl -sign -engine pkcs11 -keyform engine -inkey 'pkcs11:id=%02;type=private'");
    await page.getByLabel(`Token ${n} of 2 signature`).fill(token.run(commands).trim());
  }
  await expectAccessible(page);
  await screenshot(page, "signing-pkcs11");
  await page.getByLabel("or paste it").nth(1).fill(publicPem);
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Register MFA key" }).click();
  await expect(page.getByText("MFA registered")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await choosePkcs11(page);
  for (const n of [1, 2]) {
    const commands = (await page.getByLabel(`Token ${n} commands (PKCS#11, pkcs11-tool)`).textContent())!;
    expect(commands).toContain("pkcs11-tool --module");
    expect(commands).toContain("--sign --mechanism RSA-PKCS --id 02");
    await page.getByLabel(`Token ${n} of 2 signature`).fill(token.run(commands).trim());
  }
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  token.remove();
});
