// Import first in every integration test file: points the app at a fresh SQLite file of its own,
// copied from the migrated template that scripts/test.mjs makes (or migrated here when run alone).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hsm-console-test-"));
const file = path.join(dir, "test.db");
const template = process.env.TEST_DB_TEMPLATE;
if (template && fs.existsSync(template)) {
  fs.copyFileSync(template, file);
} else {
  execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: "ignore",
  });
}
process.env.DATABASE_URL = `file:${file}`;
process.env.DATA_DIR = dir;
process.env.AUTH_SECRET ??= "integration-tests-only-secret-0123456789abcdef";
process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));

export const testDatabaseFile = file;
