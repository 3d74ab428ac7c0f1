import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { opsUrl, startOpsServer, tempFolder, type OpsServer } from "./ops-support";
import { E2E, expectAccessible } from "./support";

const SERVER = "errors"; // a server of its own, on a free port
test.use({ baseURL: opsUrl(SERVER) });
test.describe.configure({ mode: "serial" });

let server: OpsServer;
let dataDir: string;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = tempFolder("hsm-console-ops-errors-");
  server = await startOpsServer(SERVER, dataDir);
});
test.afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Changes the schema under the running console, from another connection, as a bad manual repair would. */
function renameTable(from: string, to: string) {
  const raw = new Database(path.join(dataDir, "console.db"));
  raw.exec(`ALTER TABLE "${from}" RENAME TO "${to}"`);
  raw.close();
}

const logged = () => server.lines.filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);

test("an unexpected failure of a form shows the request's id, which finds the stack in the log", async ({ page }) => {
  await page.goto("/login");
  // Sign-in's first write (its rate limit) now meets a table that is not there: a failure nobody expected.
  renameTable("RateLimit", "RateLimitAside");
  try {
    await page.getByLabel("Username").fill(E2E.admin);
    await page.getByLabel("Password").fill(E2E.password);
    const posted = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    const id = (await posted).headers()["x-request-id"];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await expect(page.getByText(`Something went wrong on the server (error ${id})`)).toBeVisible();
    await expect(page.getByText(/SqliteError|RateLimit|at .*\.js/)).toHaveCount(0);
    await expect.poll(() => logged().some((e) => e.error_id === id && e.level === "error" && typeof (e.err as { stack?: string })?.stack === "string")).toBe(true);
  } finally {
    renameTable("RateLimitAside", "RateLimit");
  }
});

test("a page that fails on the server shows an error id, no details, and passes axe", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Username").fill(E2E.admin);
  await page.getByLabel("Password").fill(E2E.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();

  // The audit table disappears under the running console (as a bad manual repair would do).
  renameTable("AuditEvent", "AuditEventAside");
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
    renameTable("AuditEventAside", "AuditEvent");
  }
});
