import { expect, test, type Browser } from "@playwright/test";
import { expectNoKeyParts, storageOf, watch, type Seen } from "./key-leaks";
import { adminWithKey, quorumUrl, useQuorumServer } from "./quorum-support";
import { api, apiLogin, createUser, expectAccessible, PASSWORD, signIn } from "./support";

const SERVER = "browser-signing"; // a quorum server of its own, on a free port
useQuorumServer(SERVER);

/** A browser of the admin's own, every request and console line of it recorded. */
async function pageAs(browser: Browser, username: string) {
  const context = await browser.newContext({ baseURL: quorumUrl(SERVER) });
  const watched = watch(context);
  const page = await context.newPage();
  await signIn(page, username, PASSWORD);
  return { page, watched };
}

test("two admins register quorum keys and approve a token in the browser only; no request holds any part of a key", async ({ browser, request }) => {
  test.slow();
  const a = await adminWithKey(request, false);
  const b = await adminWithKey(request, false);
  const victim = await createUser(request);
  const seen = new Map<string, Seen[]>();

  for (const admin of [a, b]) {
    const { page, watched } = await pageAs(browser, admin.username);
    seen.set(admin.username, watched);
    await page.goto("/quorum/register");
    await page.getByRole("button", { name: "Get a registration token file" }).click();
    const signer = page.getByRole("region", { name: "Sign in this browser" });
    await expect(signer).toContainText("Your key is used in this tab and never sent");
    await expectAccessible(page);
    await signer.getByLabel("Private key file (quorum.key)").setInputFiles(`${admin.keys.dir}/quorum.key`);
    await signer.getByRole("button", { name: "Sign here", exact: true }).click();
    // The signature and the public key are in the form; registering your own key also needs your password.
    await expect(page.getByLabel("Current password")).toBeFocused();
    await page.getByLabel("Current password").fill(PASSWORD);
    await page.getByRole("button", { name: "Register quorum key" }).click();
    await expect(page.getByRole("status").filter({ hasText: "is registered" })).toContainText(/Your quorum key SHA256:\S+ is registered/);
    watched.push(await storageOf(page));
    await page.context().close();
  }

  const bootstrap = await apiLogin(request);
  const set = await api(request, "POST", "/api/v1/quorum/token-sign/set-quorum-value", { token: bootstrap, body: { service: "user", value: 2 } });
  expect(set.body, JSON.stringify(set.body)).toMatchObject({ error_code: 0 });
  const generated = await api(request, "POST", "/api/v1/quorum/token-sign/generate", { token: a.token, body: { service: "user", operation: { command: "user delete", username: victim, role: "crypto-user" } } });
  expect(generated.body, JSON.stringify(generated.body)).toMatchObject({ error_code: 0 });

  for (const [i, admin] of [a, b].entries()) {
    const { page, watched } = await pageAs(browser, admin.username);
    seen.get(admin.username)!.push(...watched);
    await page.goto("/approvals");
    const card = page.getByRole("region", { name: new RegExp(`^${a.username} asks to delete crypto-user ${victim}`) });
    const signer = card.getByRole("region", { name: "Sign in this browser" });
    await expectAccessible(page);
    await signer.getByLabel("Private key file (quorum.key)").setInputFiles(`${admin.keys.dir}/quorum.key`);
    await signer.getByRole("button", { name: "Sign here", exact: true }).click();
    await expect(card).toContainText(`You approved this token: ${i + 1} of 2 approvals so far.`);
    watched.push(await storageOf(page));
    await page.context().close();
  }

  // The console accepts the approvals: the requester's operation runs with the approved token.
  const deleted = await api(request, "POST", "/api/v1/user/delete", { token: a.token, body: { username: victim, role: "crypto-user", approval: generated.body.data.approval_file } });
  expect(deleted.body, JSON.stringify(deleted.body)).toMatchObject({ error_code: 0 });
  await api(request, "POST", "/api/v1/quorum/token-sign/set-quorum-value", { token: bootstrap, body: { service: "user", value: 1 } });

  for (const admin of [a, b]) {
    // The control: each admin's public key went to the server at registration.
    expectNoKeyParts(seen.get(admin.username)!, admin.keys.read("quorum.key"), admin.keys.publicPem.split("\n")[1]);
    admin.keys.remove();
  }
});
