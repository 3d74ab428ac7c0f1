// Target 3: the audit CSV export of every event through HTTP, against the sqlite3 command-line shell
// dumping the same rows and columns as CSV (or, without the shell, a plain better-sqlite3 loop).
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import Database from "better-sqlite3";
import type { Seeded } from "./seed";
import { peakRssGrowth, type BenchServer } from "./server";

const COLUMNS = `seq, id, createdAt, actorUsername, actorRole, operation, target, outcome, error, ip, userAgent, before, after, prevHash, hash`;

/** Line ends in a chunk, found natively: the reading side of both runs costs the same and little. */
function newlines(chunk: Uint8Array): number {
  const b = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  let n = 0;
  for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) n++;
  return n;
}

export async function exportThroughHttp(server: BenchServer, cookie: string) {
  const t = performance.now();
  const measured = await peakRssGrowth(server, async () => {
    const r = await fetch(`${server.url}/exports/audit?format=csv`, { headers: { cookie, "accept-encoding": "identity" } });
    if (r.status !== 200) throw new Error(`the export answered ${r.status}`);
    let lines = 0;
    for await (const chunk of r.body as unknown as AsyncIterable<Uint8Array>) lines += newlines(chunk);
    return lines - 1;
  });
  return { rows: measured.result, seconds: (performance.now() - t) / 1000, rssGrowthMb: measured.peakMb - measured.startMb };
}

function hasSqliteShell() {
  try {
    execFileSync("sqlite3", ["-version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The baseline: the same rows, newest first, as CSV into a pipe that is read to the end. */
export async function exportBaseline(s: Seeded): Promise<{ rows: number; seconds: number; how: string }> {
  const sql = `SELECT ${COLUMNS} FROM "AuditEvent" WHERE chain = '${s.clusterId}' ORDER BY seq DESC;`;
  const t = performance.now();
  if (hasSqliteShell()) {
    const child = spawn("sqlite3", ["-readonly", "-csv", s.file, sql], { stdio: ["ignore", "pipe", "inherit"] });
    let lines = 0;
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) lines += newlines(chunk);
    return { rows: lines, seconds: (performance.now() - t) / 1000, how: "sqlite3 -csv" };
  }
  const db = new Database(s.file, { readonly: true });
  const out = fs.createWriteStream("/dev/null");
  let rows = 0;
  for (const row of db.prepare(sql).raw().iterate() as Iterable<unknown[]>) {
    if (!out.write(row.join(",") + "\n")) await new Promise<void>((r) => out.once("drain", () => r()));
    rows++;
  }
  out.end();
  db.close();
  return { rows, seconds: (performance.now() - t) / 1000, how: "better-sqlite3 loop" };
}
