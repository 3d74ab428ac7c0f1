import { expect, test, type APIRequestContext } from "@playwright/test";
import { api, apiLogin, createUser, E2E, PASSWORD, unique } from "./support";

async function usersNamed(request: APIRequestContext, token: string, search: string) {
  const r = await api(request, "GET", `/api/v1/user/list?search=${search}`, { token });
  return r.body.data.users as { username: string; role: string; locked: string }[];
}

test("GET /api/v1/clusters needs no login and lists ids and names only", async ({ request }) => {
  const r = await api(request, "GET", "/api/v1/clusters");
  expect(r.status).toBe(200);
  expect(r.body.error_code).toBe(0);
  expect(r.body.data).toEqual([{ id: expect.stringMatching(/^cluster-[a-z2-7]{11}$/), name: "E2E Cluster" }]);
});

test("login, user list, create, change-password, delete and logout through the API", async ({ request }) => {
  const token = await apiLogin(request);
  const name = unique("Api");
  const created = await api(request, "POST", "/api/v1/user/create", { token, body: { username: name, role: "crypto-user", password: PASSWORD } });
  expect(created).toMatchObject({ status: 200, body: { error_code: 0, data: { username: name.toLowerCase(), role: "crypto-user" } } });
  expect(await usersNamed(request, token, name.toLowerCase())).toEqual([
    expect.objectContaining({ username: name.toLowerCase(), role: "crypto-user", locked: "false", mfa: [], quorum: [], "cluster-coverage": "full" }),
  ]);
  const changed = await api(request, "POST", "/api/v1/user/change-password", { token, body: { username: name, role: "crypto-user", password: "new password!" } });
  expect(changed.body).toEqual({ error_code: 0, data: { username: name.toLowerCase(), role: "crypto-user" } });
  const userToken = await apiLogin(request, name, "new password!");
  expect((await api(request, "GET", "/api/v1/user/list", { token: userToken })).status).toBe(200);
  const deleted = await api(request, "POST", "/api/v1/user/delete", { token, body: { username: name, role: "crypto-user" } });
  expect(deleted.body).toEqual({ error_code: 0, data: { username: name.toLowerCase(), role: "crypto-user" } });
  expect((await api(request, "GET", "/api/v1/user/list", { token: userToken })).status).toBe(401);
  expect((await api(request, "POST", "/api/v1/logout", { token })).body).toEqual({ error_code: 0, data: "Logout successful" });
  expect((await api(request, "GET", "/api/v1/user/list", { token })).status).toBe(401);
});

test("each bad input is refused with its message and a fitting status, and changes nothing", async ({ request }) => {
  const token = await apiLogin(request);
  const taken = await createUser(request);
  const cases: [unknown, number, RegExp][] = [
    [{ username: "a".repeat(32), role: "crypto-user", password: PASSWORD }, 400, /at most 31 characters/],
    [{ username: "has-hyphen", role: "crypto-user", password: PASSWORD }, 400, /letters, digits and underscores/],
    [{ username: "has space", role: "crypto-user", password: PASSWORD }, 400, /letters, digits and underscores/],
    [{ username: "", role: "crypto-user", password: PASSWORD }, 400, /Enter a username/],
    [{ username: taken.toUpperCase(), role: "crypto-user", password: PASSWORD }, 409, /already exists/],
    [{ username: "fine_name", role: "Admin", password: PASSWORD }, 400, /Role must be admin or crypto-user/],
    [{ username: "fine_name", role: "officer", password: PASSWORD }, 400, /Role must be admin or crypto-user/],
    [{ username: "fine_name", role: "crypto-user", password: "1234567" }, 400, /8 to 64 characters/],
    [{ username: "fine_name", role: "crypto-user", password: "x".repeat(65) }, 400, /8 to 64 characters/],
    [[1, 2], 400, /expected object/i],
  ];
  for (const [body, status, message] of cases) {
    const r = await api(request, "POST", "/api/v1/user/create", { token, body });
    expect(r.status, JSON.stringify(body)).toBe(status);
    expect(r.body.error_code).toBe(1);
    expect(r.body.data).toMatch(message);
  }
  for (const [route, body] of [
    ["/api/v1/user/delete", { username: "nobody_here", role: "crypto-user" }],
    ["/api/v1/user/change-password", { username: "nobody_here", role: "crypto-user", password: PASSWORD }],
  ] as const) {
    const r = await api(request, "POST", route, { token, body });
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ error_code: 1, data: "There is no crypto-user named nobody_here in this cluster." });
  }
  expect(await usersNamed(request, token, "fine_name")).toEqual([]);
  expect(await usersNamed(request, token, "has")).toEqual([]);
  expect((await usersNamed(request, token, taken)).map((u) => u.role)).toEqual(["crypto-user"]);
});

test("malformed JSON, a body over 64 KiB and a wrong content type are refused without a 500", async ({ request }) => {
  const token = await apiLogin(request);
  const auth = { authorization: `Bearer ${token}` };
  const malformed = await request.post("/api/v1/user/create", { headers: { ...auth, "content-type": "application/json" }, data: Buffer.from('{"username": "x",') });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).data).toMatch(/not valid JSON/);
  const big = await request.post("/api/v1/user/create", {
    headers: { ...auth, "content-type": "application/json" },
    data: Buffer.from(JSON.stringify({ username: "big", role: "crypto-user", password: "x".repeat(70 * 1024) })),
  });
  expect(big.status()).toBe(413);
  expect((await big.json()).data).toMatch(/over 64 KiB/);
  const form = await request.post("/api/v1/user/create", { headers: auth, form: { username: "formuser", role: "crypto-user", password: PASSWORD } });
  expect(form.status()).toBe(415);
  expect((await form.json()).data).toMatch(/Content-Type: application\/json/);
  const login = await request.post("/api/v1/login", { headers: { "content-type": "text/plain" }, data: Buffer.from("admin") });
  expect(login.status()).toBe(415);
  const list = await api(request, "GET", "/api/v1/user/list?search=big", { token });
  expect(list.body.data.users.map((u: { username: string }) => u.username)).not.toContain("big");
});

test("a missing, forged or cookie-borne session is 401", async ({ request, page }) => {
  const missing = await api(request, "GET", "/api/v1/user/list");
  expect(missing).toMatchObject({ status: 401, body: { error_code: 1, data: expect.stringMatching(/Authorization: Bearer/) } });
  const forged = await api(request, "POST", "/api/v1/user/create", { token: "A".repeat(43), body: { username: "forged", role: "admin", password: PASSWORD } });
  expect(forged).toMatchObject({ status: 401, body: { error_code: 1, data: expect.stringMatching(/not valid or has ended/) } });
  // A browser session cookie does not authenticate the API.
  await page.goto("/login");
  await page.getByLabel("Username").fill(E2E.admin);
  await page.getByLabel("Password").fill(E2E.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  const withCookie = await page.request.get("/api/v1/user/list");
  expect(withCookie.status()).toBe(401);
});

test("a crypto user gets 403 from every admin route, and nothing changes", async ({ request }) => {
  const cu = await createUser(request);
  const victim = await createUser(request);
  const token = await apiLogin(request, cu, PASSWORD);
  const calls: [string, unknown][] = [
    ["/api/v1/user/create", { username: unique("evil"), role: "admin", password: PASSWORD }],
    ["/api/v1/user/delete", { username: victim, role: "crypto-user" }],
    ["/api/v1/user/change-password", { username: victim, role: "crypto-user", password: "taken over!" }],
    ["/api/v1/hsm/add", {}],
    ["/api/v1/hsm/remove", { hsm_id: "hsm-abcdefghijk" }],
  ];
  for (const [route, body] of calls) {
    const r = await api(request, "POST", route, { token, body });
    expect(r.status, route).toBe(403);
    expect(r.body.error_code).toBe(1);
  }
  await apiLogin(request, victim, PASSWORD); // the victim's password still works
  const admin = await apiLogin(request);
  expect((await usersNamed(request, admin, victim)).length).toBe(1);
});
