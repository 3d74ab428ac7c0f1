import { expect, test, type APIRequestContext } from "@playwright/test";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { portFor } from "./ports";
import { api, apiLogin, PASSWORD, unique } from "./support";

// Quorum values are cluster-wide: a `user` value of 2 on the shared e2e cluster would refuse every other
// spec's user create. These specs get a server and database of their own (as setup-link.spec.ts does).
// Each spec file passes its own name, so two of them can run side by side; the OS picks their ports.
export const quorumUrl = (name: string) => `http://127.0.0.1:${portFor(`quorum-${name}`)}`;

/** `overrides` set or (with undefined) remove variables, e.g. to run with the default sign-in limits. */
export async function startQuorumServer(name: string, overrides: Record<string, string | undefined> = {}): Promise<ChildProcess> {
  const url = quorumUrl(name);
  const env: NodeJS.ProcessEnv = { ...process.env, E2E_PORT: new URL(url).port, E2E_ADMIN: "admin", E2E_ADMIN_PASSWORD: "e2e admin password", TRUST_PROXY: "1", LOGIN_RATE_PER_ADDRESS: "100000", LOGIN_RATE_PER_USERNAME: "100000", ...overrides };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const server = spawn(process.execPath, ["scripts/e2e-server.mjs"], {
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/v1/clusters`)).ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null) throw new Error("the quorum e2e server did not start");
    await new Promise((r) => setTimeout(r, 250)); // polling a starting server, not timing a test
  }
}

/** A temp folder where a person's quorum.key lives and where the console's openssl commands run for real. */
export function keyFolder() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hsm-quorum-e2e-"));
  execFileSync("openssl", ["genrsa", "-out", "quorum.key", "2048"], { cwd: dir, stdio: "ignore" });
  execFileSync("openssl", ["rsa", "-in", "quorum.key", "-pubout", "-out", "quorum.pub.pem"], { cwd: dir, stdio: "ignore" });
  return {
    dir,
    publicPem: fs.readFileSync(path.join(dir, "quorum.pub.pem"), "utf8"),
    /** Runs shell commands as shown on a page, in this folder; returns the last command's output. */
    run: (commands: string) => execFileSync("sh", ["-e", "-c", commands], { cwd: dir, encoding: "utf8" }),
    write: (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text),
    read: (name: string) => fs.readFileSync(path.join(dir, name), "utf8"),
    /** The token bytes signed as the digest: `openssl pkeyutl -sign -pkeyopt digest:sha256`. */
    sign(tokenB64: string) {
      fs.writeFileSync(path.join(dir, "t.bin"), Buffer.from(tokenB64, "base64"));
      execFileSync("openssl", ["pkeyutl", "-sign", "-inkey", "quorum.key", "-pkeyopt", "digest:sha256", "-in", "t.bin", "-out", "t.sig"], { cwd: dir });
      return fs.readFileSync(path.join(dir, "t.sig")).toString("base64");
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export type KeyFolder = ReturnType<typeof keyFolder>;

/** An admin made by the bootstrapped admin, signed in through the API, with a quorum key registered through the API. */
export async function adminWithKey(request: APIRequestContext, withKey = true) {
  const bootstrap = await apiLogin(request);
  const username = unique("qadm");
  const made = await api(request, "POST", "/api/v1/user/create", { token: bootstrap, body: { username, role: "admin", password: PASSWORD } });
  expect(made.body, JSON.stringify(made.body)).toMatchObject({ error_code: 0 });
  const token = await apiLogin(request, username, PASSWORD);
  const keys = keyFolder();
  if (withKey) await registerKey(request, token, keys);
  return { username, token, keys };
}

export async function registerKey(request: APIRequestContext, token: string, keys: KeyFolder) {
  const step1 = await api(request, "POST", "/api/v1/user/change-quorum/token-sign/register", { token, body: {} });
  expect(step1.body.error_code).toBe(0);
  const file = step1.body.data.token_file;
  file.tokens[0].signed = keys.sign(file.tokens[0].unsigned);
  const step2 = await api(request, "POST", "/api/v1/user/change-quorum/token-sign/register", { token, body: { current_password: PASSWORD, public_key_pem: keys.publicPem, signed_token_file: file } });
  expect(step2.body, JSON.stringify(step2.body)).toMatchObject({ error_code: 0 });
}

/** Runs a spec file against a quorum server of its own (on a free port), serially. */
export function useQuorumServer(name: string, overrides: Record<string, string | undefined> = {}) {
  test.use({ baseURL: quorumUrl(name) });
  test.describe.configure({ mode: "serial" });
  let server: ChildProcess | undefined;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startQuorumServer(name, overrides);
  });
  test.afterAll(() => {
    server?.kill("SIGTERM");
  });
}
