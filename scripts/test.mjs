// `npm test`: integration tests (node:test, real SQLite files and real PostgreSQL databases), then Playwright
// end-to-end in Chromium.
import { spawnSync, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfStale } from "./build.mjs";
import { findChromiumOrPlaywrights } from "./chromium.mjs";
import { postgresBinaries, psql, startCluster } from "./postgres-cluster.mjs";

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

// TEST_DATABASE=sqlite|postgresql runs the integration suite on one database; unset, on SQLite and then, when
// PostgreSQL is installed, on PostgreSQL too (decision 0100).
function databasesToTest() {
  const chosen = process.env.TEST_DATABASE?.trim();
  if (chosen === "sqlite" || chosen === "postgresql") return [chosen];
  if (chosen) {
    console.error(`TEST_DATABASE must be sqlite or postgresql, not ${chosen}.`);
    process.exit(1);
  }
  if (postgresBinaries()) return ["sqlite", "postgresql"];
  console.log("PostgreSQL is not installed (apt-get install -y postgresql): the integration suite runs on SQLite only.");
  return ["sqlite"];
}

function integrationRun(env) {
  const files = extra.length && mode === "unit" ? extra : [...testFiles("lib"), ...testFiles("cli")];
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "--test", "--test-concurrency=2", ...files], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "test", ...env },
  }).status;
}

function onSqlite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hsm-console-template-"));
  try {
    const template = path.join(dir, "template.db");
    execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${template}` },
      stdio: "ignore",
    });
    return integrationRun({ TEST_DATABASE: "sqlite", TEST_DB_TEMPLATE: template });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A private cluster, one migrated template database, and each test file's own database made from it. */
async function onPostgresql() {
  const cluster = await startCluster();
  const stop = () => cluster.stop();
  process.once("SIGINT", () => (stop(), process.exit(130)));
  process.once("SIGTERM", () => (stop(), process.exit(143)));
  try {
    psql(cluster, "CREATE DATABASE console_template");
    execFileSync(process.execPath, [path.join(root, "scripts", "migrate.mjs")], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: cluster.url("console_template") },
      stdio: "ignore",
    });
    const server = cluster.url("").replace(/\/$/, "");
    return integrationRun({ TEST_DATABASE: "postgresql", TEST_PG_URL: server, TEST_PG_TEMPLATE: "console_template", TEST_PSQL: path.join(cluster.bin, "psql") });
  } finally {
    stop();
  }
}

if (mode === "all" || mode === "unit") {
  for (const database of databasesToTest()) {
    console.log(`\nIntegration tests on ${database === "sqlite" ? "SQLite" : "PostgreSQL"}`);
    const status = database === "sqlite" ? onSqlite() : await onPostgresql();
    if (status !== 0) process.exit(status ?? 1);
  }
}

if (mode === "all" || mode === "e2e") {
  buildIfStale();
  run(process.execPath, [path.join(root, "node_modules/@playwright/test/cli.js"), "test", ...(mode === "e2e" ? extra : [])]);
}
