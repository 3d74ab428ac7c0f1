// `npm test`: integration tests (node:test, real SQLite files), then Playwright end-to-end in Chromium.
import { spawnSync, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfStale } from "./build.mjs";
import { findChromiumOrPlaywrights } from "./chromium.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const mode = process.argv[2] ?? "all";
const extra = process.argv.slice(3);

function testFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...testFiles(rel));
    else if (/\.test\.(ts|mjs)$/.test(entry.name)) out.push(rel);
  }
  return out.sort();
}

function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (mode === "all" || mode === "e2e") {
  const chromium = await findChromiumOrPlaywrights();
  if (!chromium) {
    console.error("No Chromium found for the end-to-end tests. Install Debian's: apt-get install -y chromium (or set CHROMIUM_PATH).");
    process.exit(1);
  }
  process.env.CHROMIUM_PATH = chromium;
}

if (mode === "all" || mode === "unit") {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hsm-console-template-"));
  const template = path.join(dir, "template.db");
  execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    stdio: "ignore",
  });
  const files = extra.length && mode === "unit" ? extra : [...testFiles("lib"), ...testFiles("cli")];
  run(process.execPath, ["--conditions=react-server", "--import", "tsx", "--test", "--test-concurrency=2", ...files], { TEST_DB_TEMPLATE: template, NODE_ENV: "test" });
  fs.rmSync(dir, { recursive: true, force: true });
}

if (mode === "all" || mode === "e2e") {
  buildIfStale();
  run(process.execPath, [path.join(root, "node_modules/@playwright/test/cli.js"), "test", ...(mode === "e2e" ? extra : [])]);
}
