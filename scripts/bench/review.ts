// The review side at scale: 100,000 users and 1,000,000 chained audit events in a temporary SQLite file,
// then the overview, the first users page and the first audit page, each against a trivial query timed in
// the same run (the ratio is what to compare between machines). Seeding writes straight through
// better-sqlite3 in large transactions: it is a fixture, not the app, and the app's own code then reads it.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const USERS = Number(process.env.BENCH_USERS) || 100_000;
const EVENTS = Number(process.env.BENCH_EVENTS) || 1_000_000;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

async function seed(file: string) {
  const { eventHash, GENESIS_HASH } = await import("../../lib/audit/chain");
  const { hashPassword } = await import("../../lib/auth/password");
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const clusterId = "cluster-benchbenchbe";
  const at = Date.now();
  sqlite.prepare(`INSERT INTO "Cluster" ("id","name","createdAt","quorumUser","quorumQuorum") VALUES (?,?,?,2,2)`).run(clusterId, "Bench", iso(at));
  for (let i = 1; i <= 3; i++) sqlite.prepare(`INSERT INTO "Hsm" ("id","clusterId","label","createdAt") VALUES (?,?,?,?)`).run(`hsm-bench${i}`, clusterId, `HSM ${i}`, iso(at + i));
  const hash = await hashPassword("bench password 1");
  const user = sqlite.prepare(`INSERT INTO "User" ("id","clusterId","username","role","passwordHash","locked","createdAt","passwordChangedAt","lastLoginAt",
    "mfaFingerprint","mfaKeyBits","mfaRegisteredAt","quorumFingerprint","quorumKeyBits","quorumRegisteredAt") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  sqlite.transaction(() => {
    for (let i = 0; i < USERS; i++) {
      const admin = i % 100 === 0;
      const mfa = i % 5 !== 0;
      const registered = at - (i % 730) * DAY;
      user.run(`u${i}`, clusterId, `user_${String(i).padStart(6, "0")}`, admin ? "admin" : "crypto-user", hash, i % 97 === 0 ? 1 : 0, iso(at - 800 * DAY), iso(at - 800 * DAY),
        i % 7 === 0 ? null : iso(at - (i % 90) * DAY), mfa ? `SHA256:mfa${i}` : null, mfa ? (i % 3 === 0 ? 4096 : 2048) : null, mfa ? iso(registered) : null,
        admin && i % 200 === 0 ? `SHA256:q${i}` : null, admin && i % 200 === 0 ? 3072 : null, admin && i % 200 === 0 ? iso(registered) : null);
    }
  })();
  const event = sqlite.prepare(`INSERT INTO "AuditEvent" ("id","chain","seq","prevHash","hash","createdAt","clusterId","actorUserId","actorUsername","actorRole",
    "operation","target","outcome","error","ip","userAgent","before","after") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  const operations = ["login", "user create", "user change-password", "logout", "user list"];
  let prev = GENESIS_HASH;
  for (let start = 1; start <= EVENTS; start += 50_000) {
    sqlite.transaction(() => {
      for (let seq = start; seq < Math.min(start + 50_000, EVENTS + 1); seq++) {
        const u = seq % USERS;
        const f = {
          id: randomUUID(), chain: clusterId, seq, prevHash: prev, createdAt: new Date(at - (EVENTS - seq) * 30_000), clusterId, actorUserId: `u${u}`,
          actorUsername: `user_${String(u).padStart(6, "0")}`, actorRole: "crypto-user", operation: operations[seq % 5], target: `user_${String((seq * 7) % USERS).padStart(6, "0")}`,
          outcome: seq % 13 === 0 ? "failure" : "success", error: null, ip: "203.0.113.9", userAgent: "bench", before: null, after: seq % 5 === 1 ? '{"session":"api"}' : null,
        };
        prev = eventHash(f);
        event.run(f.id, f.chain, f.seq, f.prevHash, prev, iso(f.createdAt.getTime()), f.clusterId, f.actorUserId, f.actorUsername, f.actorRole, f.operation, f.target, f.outcome, f.error, f.ip, f.userAgent, f.before, f.after);
      }
    })();
  }
  sqlite.prepare(`INSERT INTO "AuditChainHead" ("chain","seq","hash") VALUES (?,?,?)`).run(clusterId, EVENTS, prev);
  sqlite.exec("ANALYZE");
  sqlite.close();
  return clusterId;
}

/** Interleaved rounds (one run of each case per round), so load from elsewhere hits every case alike. */
async function measure(cases: [string, () => Promise<unknown>][], rounds: number) {
  for (const [, fn] of cases) for (let i = 0; i < 3; i++) await fn();
  const samples = cases.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    for (const [i, [, fn]] of cases.entries()) {
      const t = performance.now();
      await fn();
      samples[i].push(performance.now() - t);
    }
  }
  return cases.map(([label], i) => {
    const ms = samples[i].sort((a, b) => a - b);
    return { label, median: ms[Math.floor(rounds / 2)], p95: ms[Math.floor(rounds * 0.95)] };
  });
}

export async function benchReview(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hsm-console-bench-review-"));
  const file = path.join(dir, "bench.db");
  process.env.DATABASE_URL = `file:${file}`;
  process.env.DATA_DIR = dir;
  try {
    execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], { env: process.env, stdio: "ignore" });
    let t = performance.now();
    const clusterId = await seed(file);
    console.log(`review: seeded ${USERS.toLocaleString("en")} users and ${EVENTS.toLocaleString("en")} chained audit events in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const { db } = await import("../../lib/db/client");
    const { clusterOverview } = await import("../../lib/overview/summary");
    const { listUsers } = await import("../../lib/users/list");
    const { listAudit } = await import("../../lib/audit/list");
    const { verifyChain } = await import("../../lib/audit/verify");
    const admin = await db.user.findFirstOrThrow({ where: { clusterId, role: "admin" } });
    const ctx = { actor: { userId: admin.id, username: admin.username, role: "admin" as const, clusterId, sessionId: "bench" }, meta: { ip: "bench", userAgent: "bench" } };
    const results = await measure(
      [
        ["trivial: one cluster row", () => db.cluster.findUnique({ where: { id: clusterId } })],
        ["overview (all counts)", () => clusterOverview(ctx)],
        ["users, first page", () => listUsers(ctx, {})],
        ["users, admins without MFA", () => listUsers(ctx, { role: "admin", mfa: "disabled" })],
        ["users, keys under 3072 bits", () => listUsers(ctx, { key_bits: "under_3072" })],
        ["audit log, first page", () => listAudit(ctx, {})],
        ["audit log, one actor", () => listAudit(ctx, { actor: "user_004242" })],
      ],
      30,
    );
    const base = results[0].median;
    for (const r of results) {
      console.log(`review: ${r.label.padEnd(30)} median ${r.median.toFixed(2).padStart(8)} ms  p95 ${r.p95.toFixed(2).padStart(8)} ms  ×${(r.median / base).toFixed(1)} trivial`);
    }
    t = performance.now();
    const verified = await verifyChain(clusterId);
    console.log(`review: audit:verify of ${verified.events.toLocaleString("en")} events: ${verified.ok ? "intact" : "BROKEN"} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await db.$disconnect();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
