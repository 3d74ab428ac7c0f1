// The server the end-to-end tests talk to: a fresh database in a temporary folder, one bootstrapped
// cluster, then the production build on E2E_PORT.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "./migrate.mjs";
import { serve } from "./server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// E2E_DATA_DIR keeps the database across restarts (the operations specs stop and start the server on it).
// E2E_DATABASE_URL serves a PostgreSQL database instead, shared by several servers (e2e/multi-instance.spec.ts):
// each migrates (one applies, the others find it done), and only the one with E2E_BOOTSTRAP=1 bootstraps.
const kept = process.env.E2E_DATA_DIR;
const dir = kept || fs.mkdtempSync(path.join(os.tmpdir(), "hsm-console-e2e-"));
const shared = process.env.E2E_DATABASE_URL;
const fresh = shared ? process.env.E2E_BOOTSTRAP === "1" : !fs.existsSync(path.join(dir, "console.db"));
process.env.DATABASE_URL = shared || `file:${path.join(dir, "console.db")}`;
process.env.DATA_DIR ??= dir;
process.env.NODE_ENV = "production";
migrate({ quiet: true });
if (fresh) {
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bootstrap.ts", "--cluster-name", "E2E Cluster", "--hsms", "2", "--admin", process.env.E2E_ADMIN], {
    cwd: root,
    env: { ...process.env, BOOTSTRAP_ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD },
    stdio: "ignore",
  });
}
if (!kept) process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
await serve({ dir: root, port: Number(process.env.E2E_PORT), hostname: "127.0.0.1" });
