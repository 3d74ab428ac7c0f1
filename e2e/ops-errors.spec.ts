import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { opsUrl, startOpsServer, tempFolder, type OpsServer } from "./ops-support";
import { E2E, expectAccessible } from "./support";

const OFFSET = 63;
test.use({ baseURL: opsUrl(OFFSET) });
test.describe.configure({ mode: "serial" });

let server: OpsServer;
let dataDir: string;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = tempFolder("hsm-console-ops-errors-");
  server = await startOpsServer(OFFSET, dataDir);
});
test.afterAll(async () => {
  execFileSync("chattr", ["-i", dataDir]);
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const logged = () => server.lines.filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);

test("an unexpected failure of a form shows the request's id, which finds the stack in the log", async ({ page }) => {
  await page.goto("/login"); // the first page also writes the generated auth-secret: before the folder locks
  execFileSync("chattr", ["+i", dataDir]); // sign-in's first write (its rate limit) now fails
  try {
    await page.getByLabel("Username").fill(E2E.admin);
    await page.getByLabel("Password").fill(E2E.password);
    const posted = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    const id = (await posted).headers()["x-request-id"];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await expect(page.getByText(`Something went wrong on the server (error ${id})`)).toBeVisible();
    await expect(page.getByText(/SqliteError|at .*\.js/)).toHaveCount(0);
    await expect.poll(() => logged().some((e) => e.error_id === id && e.level === "error" && typeof (e.err as { stack?: string })?.stack === "string")).toBe(true);
  } finally {
    execFileSync("chattr", ["-i", dataDir]);
  }
});

test("a page that fails on the server shows an error id, no details, and passes axe", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Username").fill(E2E.admin);
  await page.getByLabel("Password").fill(E2E.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();

  // The audit table disappears under the running console (as a bad manual repair would do).
  const file = path.join(dataDir, "console.db");
  const rename = (from: string, to: string) => {
    const raw = new Database(file);
    raw.exec(`ALTER TABLE "${from}" RENAME TO "${to}"`);
    raw.close();
  };
  rename("AuditEvent", "AuditEventAside");
  try {
    await page.goto("/audit");
    await expect(page.getByRole("heading", { name: "Something went wrong", level: 1 })).toBeVisible();
    const errorId = (await page.getByText(/^Error id:/).locator("code").textContent())!.trim();
    expect(errorId.length).toBeGreaterThan(4);
    await expect(page.getByText(/AuditEvent|prisma|Sqlite/i)).toHaveCount(0);
    await expectAccessible(page);
    await page.screenshot({ path: "e2e/.artifacts/error-page.png" }); // looked at, not published: its id changes every run
    await expect.poll(() => logged().some((e) => e.error_id === errorId && typeof e.request_id === "string" && e.msg === "request failed")).toBe(true);
  } finally {
    rename("AuditEventAside", "AuditEvent");
  }
});
