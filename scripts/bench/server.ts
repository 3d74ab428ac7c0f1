// A production console on a seeded database, on a free port, as `npm start` runs it; its memory is read
// from /proc, where the kernel keeps the process's resident size.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "../../e2e/ports";

export type BenchServer = { url: string; pid: number; child: ChildProcess; rssMb(): number; stop(): Promise<void> };

export const BENCH_AUTH_SECRET = "bench-only-secret-0123456789abcdef0123456789";

export async function startServer(databaseFile: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<BenchServer> {
  const port = freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...nodeArgs, "scripts/start.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${databaseFile}`,
      DATA_DIR: path.dirname(databaseFile),
      AUTH_SECRET: BENCH_AUTH_SECRET,
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr!.on("data", (c: Buffer) => (errors = (errors + c.toString()).slice(-4000)));
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the bench server did not start: ${errors}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url,
    pid: child.pid!,
    child,
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? 0) / 1024,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Samples a process's resident size every 50 ms while `work` runs: the peak growth over the start. */
export async function peakRssGrowth<T>(server: BenchServer, work: () => Promise<T>): Promise<{ result: T; startMb: number; peakMb: number }> {
  const startMb = server.rssMb();
  let peakMb = startMb;
  const timer = setInterval(() => (peakMb = Math.max(peakMb, server.rssMb())), 50);
  try {
    const result = await work();
    peakMb = Math.max(peakMb, server.rssMb());
    return { result, startMb, peakMb };
  } finally {
    clearInterval(timer);
  }
}
