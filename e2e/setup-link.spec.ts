import { expect, test } from "@playwright/test";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./ports";
import { expectAccessible } from "./support";

// A second server, as `npm start` runs it, on an empty database: it must print a one-time setup link.
test("first start prints a one-time setup link whose page creates the cluster and its admin", async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hsm-console-setup-"));
  const port = freePort();
  const server = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "console.db")}`, PORT: String(port), HOST: "127.0.0.1", AUTH_SECRET: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    const link = await new Promise<string>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`no setup link in: ${out}`)), 60_000);
      server.stdout.on("data", (chunk) => {
        out += chunk;
        const match = /(http:\/\/localhost:\d+\/setup\/[A-Za-z0-9_-]+)/.exec(out);
        if (match && out.includes("ready on")) (clearTimeout(timer), resolve(match[1]));
      });
    });
    await page.goto(link.replace("localhost", "127.0.0.1"));
    await expect(page.getByRole("heading", { name: "Set up the first cluster" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Cluster name").fill("Setup Cluster");
    await page.getByLabel("Number of HSMs").fill("3");
    await page.getByLabel("First admin's username").fill("First_Admin");
    await page.getByLabel("Admin password").fill("first admin password");
    await page.getByRole("button", { name: "Create cluster and admin" }).click();
    await expect(page.getByText("Setup complete")).toBeVisible();
    await page.getByRole("link", { name: "Go to sign-in" }).click();
    await page.getByLabel("Username").fill("first_admin");
    await page.getByLabel("Password").fill("first admin password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "Cluster" }).click();
    await expect(page.getByRole("heading", { name: "HSMs (3)" })).toBeVisible();

    await page.goto(link.replace("localhost", "127.0.0.1"));
    await expect(page.getByText("This setup link does not work")).toBeVisible();
    // A second cluster, bootstrapped into the same database: its users are out of the first admin's reach.
    const bootstrap = execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bootstrap.ts", "--cluster-name", "Other", "--hsms", "1", "--admin", "other_admin"], {
      env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "console.db")}`, BOOTSTRAP_ADMIN_PASSWORD: "other admin password" },
      encoding: "utf8",
    });
    const other = JSON.parse(bootstrap).data.cluster_id as string;
    const base = new URL(link).origin.replace("localhost", "127.0.0.1");
    const clusters = (await (await page.request.get(`${base}/api/v1/clusters`)).json()).data as { id: string; name: string }[];
    const mine = clusters.find((c) => c.name === "Setup Cluster")!.id;
    const login = (username: string, password: string, cluster_id: string) => page.request.post(`${base}/api/v1/login`, { data: { cluster_id, username, password } });
    const token = (await (await login("first_admin", "first admin password", mine)).json()).data.session_token as string;
    for (const [route, body] of [
      ["user/delete", { username: "other_admin", role: "admin" }],
      ["user/change-password", { username: "other_admin", role: "admin", password: "taken over!" }],
    ] as const) {
      const r = await page.request.post(`${base}/api/v1/${route}`, { headers: { authorization: `Bearer ${token}` }, data: body });
      expect(r.status(), route).toBe(404);
    }
    expect((await login("other_admin", "other admin password", other)).status()).toBe(200);

    // With two clusters the sign-in page asks which one (the CLI's --cluster-id).
    const fresh = await page.context().browser()!.newContext({ baseURL: base });
    const picker = await fresh.newPage();
    await picker.goto("/login");
    await picker.getByLabel("Cluster").selectOption({ label: `Other (${other})` });
    await picker.getByLabel("Username").fill("other_admin");
    await picker.getByLabel("Password").fill("other admin password");
    await picker.getByRole("button", { name: "Sign in" }).click();
    await expect(picker.getByText(`Cluster Other ${other}`)).toBeVisible();
    await expectAccessible(picker);
    await fresh.close();
    expect((await login("first_admin", "first admin password", other)).status()).toBe(401);

    // This server runs with the default limits: ten sign-ins a minute per username of a cluster (the
    // browser's and the one above were the first two), then 429.
    for (let i = 0; i < 8; i++) expect((await login("first_admin", "first admin password", mine)).status()).toBe(200);
    const last = await login("first_admin", "first admin password", mine);
    expect(last.status()).toBe(429);
    expect((await last.json()).data).toMatch(/Too many sign-in attempts. Try again in \d+ seconds/);
    expect(Number(last.headers()["retry-after"])).toBeGreaterThan(0);

    // The generated session secret is kept beside the database, readable by its owner only.
    expect((fs.statSync(path.join(dir, "auth-secret")).mode & 0o777).toString(8)).toBe("600");
  } finally {
    server.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
