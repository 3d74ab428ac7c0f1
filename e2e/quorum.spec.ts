import { expect, test, type Browser, type Page } from "@playwright/test";
import { api, apiLogin, createUser, expectAccessible, PASSWORD, screenshot, signIn, unique } from "./support";
import { adminWithKey, quorumUrl, useQuorumServer, type KeyFolder } from "./quorum-support";

const SERVER = "browser";
useQuorumServer(SERVER);

type Admin = { username: string; token: string; keys: KeyFolder };
const admins: Admin[] = [];

async function pageAs(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: quorumUrl(SERVER) });
  const page = await context.newPage();
  await signIn(page, username, PASSWORD);
  return page;
}

/** An approver opens Approvals, runs the page's commands with their quorum.key for real, and pastes the signature. */
async function approveOnPage(page: Page, requester: string, keys: KeyFolder) {
  await page.goto("/approvals");
  const card = page.getByRole("region", { name: new RegExp(`^${requester} asks to delete crypto-user`) });
  await expect(card).toBeVisible();
  const commands = await card.getByLabel(/^Commands to sign the token of/).textContent();
  const lines = commands!.split("\n");
  const shown = keys.run(lines[0]);
  expect(JSON.parse(shown)).toMatchObject({ requester, service: "user", operation: { command: "user delete" } });
  const token = await card.locator("p code.break-all").textContent();
  expect(keys.run(lines[1]).trim()).toBe(token);
  const signature = keys.run(lines.slice(2).join("\n"));
  await card.getByLabel(/^Your signature for/).fill(signature);
  await card.getByRole("button", { name: "Approve" }).click();
  return card;
}

test("an admin registers their quorum key in the browser with the page's openssl commands", async ({ page, request }) => {
  test.slow(); // several sessions and real openssl runs; slower when other specs share the cores
  const a = await adminWithKey(request, false);
  admins.push(a);
  await signIn(page, a.username, PASSWORD);
  await page.goto(`/users/${a.username}`);
  await page.getByRole("link", { name: /Register your quorum key/ }).click();
  await expect(page.getByRole("heading", { name: "Register your quorum key", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Get a registration token file" }).click();
  const file = await page.getByLabel("Registration token file", { exact: true }).textContent();
  a.keys.write("quorum-registration.json", file!);
  a.keys.run((await page.getByLabel("Commands to sign the registration token").textContent())!);
  await page.getByLabel("Quorum public key file (PEM)").setInputFiles(`${a.keys.dir}/quorum.pub.pem`);
  await page.getByLabel("Signed registration token file").setInputFiles(`${a.keys.dir}/quorum-registration.signed.json`);
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByRole("button", { name: "Register quorum key" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is registered" })).toContainText(/Your quorum key SHA256:\S+ is registered/);
  // The page shows the new truth: the key, and nothing of the used token file or its deadline.
  await expect(page.getByRole("heading", { name: "Your quorum key", level: 1 })).toBeVisible();
  await expect(page.getByText(/upload it below by/)).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Current quorum key" })).toContainText(/SHA256:/);
  await expectAccessible(page);
  await page.goto(`/users/${a.username}`);
  await expect(page.getByText(/^SHA256:/)).toHaveCount(1);
});

test("with user value 2, two admins approve by signing with openssl and the requester deletes the user", async ({ page, browser, request }) => {
  test.slow(); // several sessions and real openssl runs; slower when other specs share the cores
  admins.push(await adminWithKey(request), await adminWithKey(request));
  const [a, b, c] = admins;
  const victim = await createUser(request);
  await signIn(page, a.username, PASSWORD);

  await page.getByRole("link", { name: "Quorum", exact: true }).click();
  const userCard = page.getByRole("region", { name: /^user service: 1/ });
  await userCard.getByLabel("New value for the user service").fill("4");
  await userCard.getByRole("button", { name: "Set user value" }).click();
  await expect(userCard.getByText(/cannot need 4 approvals: only 3 admins have a quorum key/).first()).toBeVisible();
  // M = 3 with 3 key holders: the M + 1 warning shows once, not again in the success message.
  await userCard.getByLabel("New value for the user service").fill("3");
  await userCard.getByRole("button", { name: "Set user value" }).click();
  await expect(page.getByRole("region", { name: /^user service: 3/ })).toBeVisible();
  await expect(page.getByText(/Only 3 admins have a quorum key/)).toHaveCount(1);
  await expect(page.getByText("The user service now needs 3 approvals.")).toBeVisible();
  await page.getByRole("region", { name: /^user service: 3/ }).getByLabel("New value for the user service").fill("2");
  await page.getByRole("region", { name: /^user service: 3/ }).getByRole("button", { name: "Set user value" }).click();
  await expect(page.getByRole("region", { name: /^user service: 2/ })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/users/${victim}`);
  const deleteCard = page.getByRole("region", { name: "Delete user" });
  await expect(deleteCard.getByText("Quorum approval (2 approvals)")).toBeVisible();
  await expectAccessible(page);
  await deleteCard.getByLabel(`Type ${victim} to confirm`).fill(victim);
  await deleteCard.getByRole("button", { name: `Delete ${victim}` }).click();
  await expect(deleteCard.getByRole("alert")).toContainText("Quorum approval is required for this operation: the user service needs 2 approvals");
  await expect(page.getByRole("heading", { name: victim, level: 1 })).toBeVisible();

  await deleteCard.getByRole("link", { name: "Request approval for it" }).click();
  await expect(page.getByLabel("For user")).toHaveValue(victim);
  await expect(page.getByLabel("Operation")).toHaveValue("user delete");
  await page.getByRole("button", { name: "Generate token" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Token generated" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`delete crypto-user ${victim}`) })).toContainText("0 of 2 approvals");
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, "quorum");
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: "light" });

  const pageB = await pageAs(browser, b.username);
  const cardB = await approveOnPage(pageB, a.username, b.keys);
  await expect(cardB).toContainText("You approved this token: 1 of 2 approvals so far.");
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(`delete crypto-user ${victim}`) })).toContainText(new RegExp(`1 of 2 approvals\\s*by ${b.username}`));

  const pageC = await pageAs(browser, c.username);
  await pageC.goto("/approvals");
  await pageC.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(pageC);
  await screenshot(pageC, "approvals");
  await pageC.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(pageC);
  await pageC.emulateMedia({ colorScheme: "light" });
  const cardC = await approveOnPage(pageC, a.username, c.keys);
  await expect(cardC).toContainText("You approved this token: 2 of 2 approvals so far.");

  await page.goto(`/users/${victim}`);
  const approved = deleteCard.getByLabel("Approved token").locator("option", { hasText: `delete crypto-user ${victim}` });
  await deleteCard.getByLabel("Approved token").selectOption((await approved.getAttribute("value"))!);
  await deleteCard.getByLabel(`Type ${victim} to confirm`).fill(victim);
  await deleteCard.getByRole("button", { name: `Delete ${victim}` }).click();
  await expect(page).toHaveURL(/\/users\?deleted=/);
  const listed = await api(request, "GET", `/api/v1/user/list?search=${victim}`, { token: await apiLogin(request) });
  expect(listed.body.data.users).toEqual([]);
});

test("a refused Create user asks for approval with its fields, and the M-th approval leads back to the form with the token chosen", async ({ page, request }) => {
  test.slow(); // several sessions; slower when other specs share the cores
  const [a, b, c] = admins;
  const name = unique("made").toLowerCase();
  await signIn(page, a.username, PASSWORD);
  await page.goto("/users/new");
  await page.getByLabel("Username").fill(name);
  await page.getByLabel("Role").selectOption("admin");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("alert").first()).toContainText("the user service needs 2 approvals and none was given. Request approval for this operation");
  await expect(page.getByRole("alert").first().locator("code").first()).toHaveText("quorum token-sign generate --service user");

  await page.getByRole("link", { name: "Request approval for it" }).click();
  await expect(page.getByLabel("Operation")).toHaveValue("user create");
  await expect(page.getByLabel("For user")).toHaveValue(name);
  await expect(page.getByLabel("Their role")).toHaveValue("admin");
  await page.getByRole("button", { name: "Generate token" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Token generated" })).toBeVisible();

  const listed = await api(request, "GET", "/api/v1/quorum/token-sign/list", { token: b.token });
  const { token } = listed.body.data.tokens.find((t: { operation: { username?: string } | null }) => t.operation?.username === name);
  for (const x of [b, c]) {
    const approved = await api(request, "POST", "/api/v1/quorum/token-sign/approve", { token: x.token, body: { token, signature: x.keys.sign(token) } });
    expect(approved.body, JSON.stringify(approved.body)).toMatchObject({ error_code: 0 });
  }
  await page.reload();
  await page.getByRole("link", { name: "Back to Create user" }).click();
  await expect(page.getByRole("heading", { name: "Create user", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Username")).toHaveValue(name);
  await expect(page.getByLabel("Role")).toHaveValue("admin");
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page.getByLabel("Approved token").locator("option:checked")).toContainText(`create admin ${name}`);
  await expectAccessible(page);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
});

test("setting a quorum value itself needs the approval of the quorum service value", async ({ page, request }) => {
  test.slow(); // several sessions and real openssl runs; slower when other specs share the cores
  const [a, b, c] = admins;
  await signIn(page, a.username, PASSWORD);
  await page.goto("/quorum");
  const quorumCard = page.getByRole("region", { name: /^quorum service: 1/ });
  await quorumCard.getByLabel("New value for the quorum service").fill("2");
  await quorumCard.getByRole("button", { name: "Set quorum value" }).click();
  await expect(page.getByRole("region", { name: /^quorum service: 2/ })).toBeVisible();

  const userCard = page.getByRole("region", { name: /^user service: 2/ });
  await userCard.getByLabel("New value for the user service").fill("1");
  await userCard.getByRole("button", { name: "Set user value" }).click();
  await expect(userCard.getByRole("alert")).toContainText("Quorum approval is required for this operation: the quorum service needs 2 approvals");

  // The API way, as cloudhsm-cli does it: the approval file passed around and signed by each approver.
  const generated = await api(request, "POST", "/api/v1/quorum/token-sign/generate", {
    token: a.token,
    body: { service: "quorum", operation: { command: "quorum token-sign set-quorum-value", service: "user", value: 1 } },
  });
  expect(generated.body.error_code).toBe(0);
  const file = generated.body.data.approval_file;
  file.signatures = [b, c].map((x) => ({ username: x.username, signature: x.keys.sign(file.token) }));
  const set = await api(request, "POST", "/api/v1/quorum/token-sign/set-quorum-value", { token: a.token, body: { service: "user", value: 1, approval: file } });
  // quorum 2 above user 1: allowed, as in CloudHSM; the CLI's sentence, with the advice beside it.
  expect(set.body).toEqual({ error_code: 0, data: "Set Quorum Value successful", warning: expect.stringMatching(/^The quorum value \(2\) is above the user value \(1\), which protects little/) });
  const again = await api(request, "POST", "/api/v1/quorum/token-sign/set-quorum-value", { token: a.token, body: { service: "user", value: 1, approval: file } });
  expect(again.status).toBe(409);
  expect(again.body.data).toMatch(/^Quorum approval is required for this operation: this token was already used/);
  expect((await api(request, "GET", "/api/v1/quorum/token-sign/list-quorum-values", { token: a.token })).body.data).toEqual({ user: 1, quorum: 2 });
  for (const x of admins) x.keys.remove();
});
