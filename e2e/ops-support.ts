import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { portFor } from "./ports";

// The operations specs run servers of their own (each on a free port the OS picks, kept for its name across
// a restart), with their own environment (metrics token, webhook receiver) and a data folder that survives
// a restart.
export const opsUrl = (name: string) => `http://127.0.0.1:${portFor(`ops-${name}`)}`;

export type OpsServer = {
  url: string;
  child: ChildProcess;
  /** Every stdout line so far: the JSON log. */
  lines: string[];
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
};

export const tempFolder = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

export async function startOpsServer(name: string, dataDir: string, env: Record<string, string> = {}): Promise<OpsServer> {
  const url = opsUrl(name);
  const child = spawn(process.execPath, ["scripts/e2e-server.mjs"], {
    env: {
      ...process.env,
      E2E_PORT: new URL(url).port,
      E2E_DATA_DIR: dataDir,
      E2E_ADMIN: "admin",
      E2E_ADMIN_PASSWORD: "e2e admin password",
      TRUST_PROXY: "1",
      LOGIN_RATE_PER_ADDRESS: "100000",
      LOGIN_RATE_PER_USERNAME: "100000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let rest = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    const parts = (rest + chunk.toString("utf8")).split("\n");
    rest = parts.pop() ?? "";
    lines.push(...parts);
  });
  child.stderr!.on("data", () => {});
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the operations e2e server did not start: ${lines.join("\n")}`);
    await new Promise((r) => setTimeout(r, 250)); // polling a starting server, not timing a test
  }
  return { url, child, lines, stop: async () => (child.exitCode !== null ? child.exitCode : (child.kill("SIGTERM"), exited)) };
}

/** Waits for a condition the test cannot be told about (a delivery by the server's background worker). */
export async function eventually<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 60_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
