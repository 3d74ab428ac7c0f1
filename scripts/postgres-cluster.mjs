// A private PostgreSQL cluster for tests and the bench: Debian's `postgresql` binaries, a temporary folder,
// a free port, its socket inside that folder. PostgreSQL refuses to run as root, so as root the cluster
// belongs to the `postgres` user (docs/decisions/0100). Nothing outlives stop(): the folder goes with it.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** The folder with initdb, pg_ctl and pg_dump, or null when PostgreSQL is not installed. */
export function postgresBinaries() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debian = "/usr/lib/postgresql";
  if (fs.existsSync(debian)) {
    const versions = fs.readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, "bin")));
  }
  const onPath = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (onPath.status === 0) candidates.push(onPath.stdout.trim());
  return candidates.find((dir) => fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl"))) ?? null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

const asRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL program as the user that owns the cluster. */
function asOwner(bin, program, args, opts = {}) {
  const exe = path.join(bin, program);
  const [cmd, argv] = asRoot() ? ["runuser", ["-u", "postgres", "--", exe, ...args]] : [exe, args];
  return execFileSync(cmd, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...opts });
}

/**
 * Starts a throwaway cluster. `durable: false` (tests) turns fsync off: a power cut loses a test run, nothing
 * else. Returns { url(database), port, dir, bin, stop() }; the superuser is `postgres`, trusted on 127.0.0.1.
 */
export async function startCluster({ durable = false, maxConnections = 300 } = {}) {
  const bin = postgresBinaries();
  if (!bin) throw new Error("PostgreSQL is not installed (no initdb/pg_ctl found): apt-get install -y postgresql, or set PG_BIN.");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hsm-console-pg-"));
  const data = path.join(dir, "data");
  fs.chmodSync(dir, 0o700);
  if (asRoot()) execFileSync("chown", ["postgres:", dir]);
  const stop = () => {
    try {
      if (fs.existsSync(path.join(data, "postmaster.pid"))) asOwner(bin, "pg_ctl", ["stop", "-D", data, "-m", "fast", "-w"]);
    } catch {
      // already stopped
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    asOwner(bin, "initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
    const port = await freePort();
    const options = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses=127.0.0.1", `-c max_connections=${maxConnections}`];
    if (!durable) options.push("-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off");
    asOwner(bin, "pg_ctl", ["start", "-D", data, "-w", "-t", "60", "-l", path.join(dir, "server.log"), "-o", options.join(" ")]);
    const url = (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`;
    return { url, port, dir, bin, stop };
  } catch (e) {
    const log = path.join(dir, "server.log");
    const tail = fs.existsSync(log) ? fs.readFileSync(log, "utf8").slice(-2000) : "";
    stop();
    throw new Error(`PostgreSQL did not start: ${e.stderr || e.message}\n${tail}`);
  }
}

/** Runs SQL through psql against the cluster (maintenance: CREATE/DROP DATABASE). */
export function psql(cluster, sql, database = "postgres") {
  return asOwner(cluster.bin, "psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String(cluster.port), "-U", "postgres", "-d", database, "-c", sql]);
}
