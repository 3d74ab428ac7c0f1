import { defineConfig } from "@playwright/test";
import { freePort } from "./e2e/ports";

// E2E_PORT pins the main test server's port; without it the OS picks a free one. Workers inherit the
// environment of the runner, so setting it here gives every worker the same server.
const port = Number(process.env.E2E_PORT) || freePort();
process.env.E2E_PORT = String(port);
export const E2E = { admin: "admin", password: "e2e admin password", baseURL: `http://127.0.0.1:${port}` };

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/.artifacts/results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: E2E.baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${E2E.baseURL}/api/v1/clusters`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      E2E_PORT: String(port),
      E2E_ADMIN: E2E.admin,
      E2E_ADMIN_PASSWORD: E2E.password,
      TRUST_PROXY: "1",
      // The suite signs the same admin in many times a minute; the limits themselves are tested on the
      // setup-link server, which runs with the defaults.
      LOGIN_RATE_PER_ADDRESS: "100000",
      LOGIN_RATE_PER_USERNAME: "100000",
    },
  },
});
