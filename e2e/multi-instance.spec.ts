import { expect, test, type APIRequestContext } from "@playwright/test";
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { postgresBinaries, psql, startCluster, type Cluster } from "../scripts/postgres-cluster.mjs";
import { freePort } from "./ports";
import { unique } from "./support";

// Two production servers, A and B, on one PostgreSQL database, as behind a load balancer (issue 12). Every
// step alternates between them: what one instance issues, counts or ends, the other honours.
test.describe.configure({ mode: "serial" });
test.skip(!postgresBinaries(), "PostgreSQL is not installed (apt-get install -y postgresql): the multi-instance test needs it");

const ADMIN = "admin";
const ADMIN_PASSWORD = "e2e admin password";
const PASSWORD = "e2e user password";
const AUTH_SECRET = randomBytes(48).toString("base64");

let cluster: Cluster | undefined;
let databaseUrl = "";
const servers: ChildProcess[] = [];
let A = "";
let B = "";

async function startServer(bootstrap: boolean): Promise<string> {
  const url = `http://127.0.0.1:${freePort()}`;
  const child = spawn(process.execPath, ["scripts/e2e-server.mjs"], {
    env: {
      ...process.env,
      E2E_PORT: new URL(url).port,
      E2E_DATABASE_URL: databaseUrl,
      E2E_BOOTSTRAP: bootstrap ? "1" : "0",
      E2E_ADMIN: ADMIN,
      E2E_ADMIN_PASSWORD: ADMIN_PASSWORD,
      AUTH_SECRET,
      TRUST_PROXY: "1",
      LOGIN_RATE_PER_ADDRESS: "100000",
      LOGIN_RATE_PER_USERNAME: "100000",
      POSTGRES_POOL_SIZE: "10",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr!.on("data", (c) => (errors += c));
  servers.push(child);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return url;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`a PostgreSQL e2e server did not start: ${errors}`);
    await new Promise((r) => setTimeout(r, 250)); // polling a starting server, not timing a test
  }
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  cluster = await startCluster();
  psql(cluster, "CREATE DATABASE console");
  databaseUrl = cluster.url("console");
  A = await startServer(true);
  B = await startServer(false);
});

test.afterAll(async () => {
  await Promise.all(servers.map((s) => (s.exitCode !== null ? null : new Promise((r) => (s.once("exit", r), s.kill("SIGTERM"))))));
  cluster?.stop();
});

type Envelope = { status: number; body: { error_code: number; data: any } };

async function call(request: APIRequestContext, server: string, route: string, body?: unknown, token?: string): Promise<Envelope> {
  const headers: Record<string, string> = { "x-forwarded-for": `10.12.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` };
  if (token) headers.authorization = `Bearer ${token}`;
  const r = body === undefined ? await request.get(`${server}${route}`, { headers }) : await request.post(`${server}${route}`, { headers, data: body });
  return { status: r.status(), body: await r.json() };
}

async function login(request: APIRequestContext, server: string, username = ADMIN, password = ADMIN_PASSWORD): Promise<string> {
  const r = await call(request, server, "/api/v1/login", { username, password });
  expect(r.body, JSON.stringify(r.body)).toMatchObject({ error_code: 0 });
  return r.body.data.session_token;
}

async function createUser(request: APIRequestContext, server: string, token: string, role: "admin" | "crypto-user" = "crypto-user") {
  const username = unique(role === "admin" ? "adm" : "cu");
  const r = await call(request, server, "/api/v1/user/create", { username, role, password: PASSWORD }, token);
  expect(r.body, JSON.stringify(r.body)).toMatchObject({ error_code: 0 });
  return username;
}

/** A person's folder with an RSA key made by openssl; signs token bytes as cloudhsm-cli's docs say. */
function keys() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hsm-multi-e2e-"));
  const sh = (script: string) => execFileSync("bash", ["-c", script], { cwd: dir, encoding: "utf8" });
  sh("openssl genrsa -out user.key 2048 2>/dev/null && openssl rsa -in user.key -pubout -out user.pub.pem 2>/dev/null");
  let n = 0;
  return {
    publicPem: fs.readFileSync(path.join(dir, "user.pub.pem"), "utf8"),
    sign: (unsigned: string) => sh(`echo '${unsigned}' | base64 -d > t${++n}.bin && openssl pkeyutl -sign -inkey user.key -pkeyopt digest:sha256 -in t${n}.bin -out t${n}.sig && base64 -w0 t${n}.sig`),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

type TokenFile = { version: string; tokens: { unsigned: string; signed: string }[] };
const signFile = (k: ReturnType<typeof keys>, file: TokenFile): TokenFile => ({ ...file, tokens: file.tokens.map((t) => ({ unsigned: t.unsigned, signed: k.sign(t.unsigned) })) });

test("a login token file issued by A, signed with openssl, is accepted by B; of twenty parallel uploads over A and B exactly one wins", async ({ request }) => {
  const admin = await login(request, A);
  const username = await createUser(request, A, admin);
  const k = keys();
  const own = await login(request, B, username, PASSWORD);
  const route = "/api/v1/user/change-mfa/token-sign";
  const step1 = await call(request, B, route, { username, role: "crypto-user", token: true }, own);
  const registered = await call(request, A, route, { username, role: "crypto-user", current_password: PASSWORD, change_password: PASSWORD, signed_token_file: signFile(k, step1.body.data.token_file), public_key_pem: k.publicPem }, own);
  expect(registered.body, JSON.stringify(registered.body)).toEqual({ error_code: 0, data: { username, role: "crypto-user" } });

  const issued = await call(request, A, "/api/v1/login", { username, password: PASSWORD });
  expect(issued.body.data).toMatchObject({ mfa_required: true, token_file: { version: "2.0" } });
  const signed = signFile(k, issued.body.data.token_file);
  const onB = await call(request, B, "/api/v1/login/mfa-token-sign", { username, signed_token_file: signed });
  expect(onB.body).toMatchObject({ error_code: 0, data: { username, session_token: expect.any(String) } });
  expect((await call(request, A, "/api/v1/user/list", undefined, onB.body.data.session_token)).status).toBe(200);
  const replay = await call(request, A, "/api/v1/login/mfa-token-sign", { username, signed_token_file: signed });
  expect(replay.status).toBe(409);

  const next = signFile(k, (await call(request, B, "/api/v1/login", { username, password: PASSWORD })).body.data.token_file);
  const race = await Promise.all(Array.from({ length: 20 }, (_, i) => call(request, i % 2 ? A : B, "/api/v1/login/mfa-token-sign", { username, signed_token_file: next })));
  expect(race.filter((r) => r.body.error_code === 0)).toHaveLength(1);
  for (const lost of race.filter((r) => r.body.error_code !== 0)) {
    expect(lost.status).toBe(409);
    expect(lost.body.data).toMatch(/used already/);
  }
  k.remove();
});

test("a quorum token approved on A is used on B, once", async ({ request }) => {
  const admin = await login(request, A);
  const people: { username: string; token: string; k: ReturnType<typeof keys> }[] = [];
  for (const [i, server] of [A, B, A].entries()) {
    const username = await createUser(request, server, admin, "admin");
    const token = await login(request, i % 2 ? A : B, username, PASSWORD);
    const k = keys();
    const step1 = await call(request, server, "/api/v1/user/change-quorum/token-sign/register", {}, token);
    const file = step1.body.data.token_file as TokenFile;
    const done = await call(request, i % 2 ? A : B, "/api/v1/user/change-quorum/token-sign/register", { current_password: PASSWORD, public_key_pem: k.publicPem, signed_token_file: signFile(k, file) }, token);
    expect(done.body, JSON.stringify(done.body)).toMatchObject({ error_code: 0 });
    people.push({ username, token, k });
  }
  const [requester, b, c] = people;
  expect((await call(request, B, "/api/v1/quorum/token-sign/set-quorum-value", { service: "user", value: 2 }, admin)).body.error_code).toBe(0);

  // A token for the next operation of the user service: approved on B and then A (which meets the quorum), used on B, refused on A.
  const file = (await call(request, A, "/api/v1/quorum/token-sign/generate", { service: "user" }, requester.token)).body.data.approval_file;
  const withSig = (who: (typeof people)[number]) => ({ ...file, signatures: [{ username: who.username, signature: who.k.sign(file.token) }] });
  expect((await call(request, B, "/api/v1/quorum/token-sign/approve", { approval_file: withSig(b) }, b.token)).body.data).toEqual({ approvals_required: 2, number_of_approvals: 1 });
  expect((await call(request, A, "/api/v1/quorum/token-sign/approve", { approval_file: withSig(c) }, c.token)).body.data).toEqual({ approvals_required: 2, number_of_approvals: 2 });

  const create = (server: string) => call(request, server, "/api/v1/user/create", { username: unique("qmade"), role: "crypto-user", password: PASSWORD, approval: file }, requester.token);
  const used = await create(B);
  expect(used.body, JSON.stringify(used.body)).toMatchObject({ error_code: 0 });
  const again = await create(A);
  expect(again.status).toBe(409);
  expect(again.body.data).toMatch(/this token was already used/);
  // Back to 1 (the quorum service's own value is 1: no approval needed), so the next tests create users freely.
  expect((await call(request, B, "/api/v1/quorum/token-sign/set-quorum-value", { service: "user", value: 1 }, admin)).body.error_code).toBe(0);
  for (const p of people) p.k.remove();
});

test("sign-in failures on A and B together lock the account at five", async ({ request }) => {
  const admin = await login(request, B);
  const username = await createUser(request, B, admin);
  const locked = async () => (await call(request, A, `/api/v1/user/list?search=${username}`, undefined, admin)).body.data.users[0].locked;
  for (let i = 0; i < 4; i++) expect((await call(request, i % 2 ? A : B, "/api/v1/login", { username, password: `wrong guess ${i}` })).status).toBe(401);
  expect(await locked()).toBe("false"); // four failures, counted across both instances
  // The fifth and more at once, over both: the fifth locks it, and no parallel guess gets a sixth try.
  const guesses = await Promise.all(Array.from({ length: 6 }, (_, i) => call(request, i % 2 ? A : B, "/api/v1/login", { username, password: `parallel guess ${i}` })));
  for (const g of guesses) expect(g.status).toBe(401);
  expect(await locked()).toBe("true");
  expect((await call(request, A, "/api/v1/login", { username, password: PASSWORD })).status).toBe(401);
  expect((await call(request, B, "/api/v1/login", { username, password: PASSWORD })).status).toBe(401);
});

test("signing out on B ends the session on A, in the browser and for an API token", async ({ page, browser, request }) => {
  const token = await login(request, A);
  expect((await call(request, B, "/api/v1/logout", {}, token)).body.error_code).toBe(0);
  expect((await call(request, A, "/api/v1/user/list", undefined, token)).status).toBe(401);

  await page.goto(`${A}/login`);
  await page.getByLabel("Username").fill(ADMIN);
  await page.getByLabel("Password").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  // The same browser session on B (a load balancer may send the next request to either).
  await page.goto(`${B}/users`);
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);

  // The cookie from before the sign-out, replayed on A: the session ended in the database, not only in this browser.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const again = await replay.newPage();
  await again.goto(`${A}/users`);
  await expect(again).toHaveURL(/\/login/);
  await replay.close();
});

test("fifty audited writes at once over A and B leave one intact chain (npm run audit:verify)", async ({ request }) => {
  test.slow(); // fifty password hashes on a shared machine
  const tokens = [await login(request, A), await login(request, B)];
  const writes = await Promise.all(
    Array.from({ length: 50 }, (_, i) => call(request, i % 2 ? A : B, "/api/v1/user/create", { username: unique(`many${i}`), role: "crypto-user", password: PASSWORD }, tokens[i % 2])),
  );
  expect(writes.filter((w) => w.body.error_code !== 0).map((w) => JSON.stringify(w.body))).toEqual([]);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hsm-multi-verify-")); // its checkpoint file goes here
  const verify = spawnSync("npm", ["run", "--silent", "audit:verify"], { env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET, DATA_DIR: dataDir }, encoding: "utf8" });
  fs.rmSync(dataDir, { recursive: true, force: true });
  expect(verify.status, verify.stdout + verify.stderr).toBe(0);
  expect(verify.stdout).toMatch(/intact/);
  expect(verify.stdout).not.toMatch(/BROKEN|broken/);
});
