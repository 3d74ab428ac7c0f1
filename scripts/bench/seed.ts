// Fills a console database for the benchmark: one cluster of 8 HSMs, N users, M chained audit events, an
// admin for the browser session and users with a real MFA key for sign-ins. It writes through better-sqlite3
// (a fixture, not the app), but opens the file exactly as the app does (lib/db/sqlite-settings.ts) and runs
// no ANALYZE, which the app never runs either: the query plans measured are the ones the app gets.
import { execFileSync } from "node:child_process";
import { randomUUID, type KeyObject } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { eventHash, GENESIS_HASH } from "../../lib/audit/chain";
import { hashPassword } from "../../lib/auth/password";
import { fingerprintOf } from "../../lib/keys/fingerprint";
import { SQLITE_BUSY_TIMEOUT_MS, sqlitePragmas, sqliteSyncSetting } from "../../lib/db/sqlite-settings";

export const BENCH_PASSWORD = "bench password 1";
export const BENCH_ADMIN = "bench_admin";
export const signInUser = (i: number) => `signin_${String(i).padStart(3, "0")}`;
export const userName = (i: number) => `user_${String(i).padStart(6, "0")}`;
export const CLUSTER_ID = "cluster-benchbenchbe";
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

export type Seeded = { file: string; clusterId: string; users: number; events: number; firstEventDay: string; hsms: number };

export function migrate(file: string) {
  execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: "ignore",
  });
}

export async function seedConsole(file: string, o: { users: number; events: number; signInUsers: number; mfaKey: KeyObject }): Promise<Seeded> {
  migrate(file);
  const sqlite = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  for (const pragma of sqlitePragmas(sqliteSyncSetting())) sqlite.pragma(pragma);
  const at = Date.now();
  const hsms = 8;
  sqlite.prepare(`INSERT INTO "Cluster" ("id","name","createdAt","quorumUser","quorumQuorum") VALUES (?,?,?,2,2)`).run(CLUSTER_ID, "Bench", iso(at));
  for (let i = 1; i <= hsms; i++) sqlite.prepare(`INSERT INTO "Hsm" ("id","clusterId","label","createdAt") VALUES (?,?,?,?)`).run(`hsm-bench${i}`, CLUSTER_ID, `HSM ${i}`, iso(at + i));
  const hash = await hashPassword(BENCH_PASSWORD);
  const pem = o.mfaKey.export({ type: "spki", format: "pem" }) as string;
  const fingerprint = fingerprintOf(o.mfaKey);
  const user = sqlite.prepare(`INSERT INTO "User" ("id","clusterId","username","role","passwordHash","locked","createdAt","passwordChangedAt","lastLoginAt",
    "mfaPublicKey","mfaFingerprint","mfaKeyBits","mfaRegisteredAt","quorumFingerprint","quorumKeyBits","quorumRegisteredAt") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  sqlite.transaction(() => {
    user.run("u-admin", CLUSTER_ID, BENCH_ADMIN, "admin", hash, 0, iso(at), iso(at), null, null, null, null, null, null, null, null);
    for (let i = 0; i < o.signInUsers; i++) {
      user.run(`s${i}`, CLUSTER_ID, signInUser(i), "crypto-user", hash, 0, iso(at), iso(at), null, pem, fingerprint, 2048, iso(at), null, null, null);
    }
    for (let i = 0; i < o.users; i++) {
      const admin = i % 100 === 0;
      const mfa = i % 5 !== 0;
      const quorum = admin && i % 200 === 0;
      const registered = at - (i % 730) * DAY;
      user.run(`u${i}`, CLUSTER_ID, userName(i), admin ? "admin" : "crypto-user", hash, i % 97 === 0 ? 1 : 0, iso(at - 800 * DAY), iso(at - 800 * DAY),
        i % 7 === 0 ? null : iso(at - (i % 90) * DAY), null, mfa ? `SHA256:mfa${i}` : null, mfa ? (i % 3 === 0 ? 4096 : 2048) : null, mfa ? iso(registered) : null,
        quorum ? `SHA256:q${i}` : null, quorum ? 3072 : null, quorum ? iso(registered) : null);
    }
  })();
  const event = sqlite.prepare(`INSERT INTO "AuditEvent" ("id","chain","seq","prevHash","hash","createdAt","clusterId","actorUserId","actorUsername","actorRole",
    "operation","target","outcome","error","ip","userAgent","before","after") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  const operations = ["login", "user create", "user change-password", "logout", "user list"];
  // One event every 30 s, ending now: 1,000,000 events span a year, 100,000 about five weeks.
  const first = at - o.events * 30_000;
  let prev = GENESIS_HASH;
  for (let start = 1; start <= o.events; start += 50_000) {
    sqlite.transaction(() => {
      for (let seq = start; seq < Math.min(start + 50_000, o.events + 1); seq++) {
        const u = seq % o.users;
        const f = {
          id: randomUUID(), chain: CLUSTER_ID, seq, prevHash: prev, createdAt: new Date(first + seq * 30_000), clusterId: CLUSTER_ID, actorUserId: `u${u}`,
          actorUsername: userName(u), actorRole: "crypto-user", operation: operations[seq % 5], target: userName((seq * 7) % o.users),
          outcome: seq % 13 === 0 ? "failure" : "success", error: null, ip: "203.0.113.9", userAgent: "bench", before: null, after: seq % 5 === 1 ? '{"session":"api"}' : null,
        };
        prev = eventHash(f);
        event.run(f.id, f.chain, f.seq, f.prevHash, prev, iso(f.createdAt.getTime()), f.clusterId, f.actorUserId, f.actorUsername, f.actorRole, f.operation, f.target, f.outcome, f.error, f.ip, f.userAgent, f.before, f.after);
      }
    })();
  }
  sqlite.prepare(`INSERT INTO "AuditChainHead" ("chain","seq","hash") VALUES (?,?,?)`).run(CLUSTER_ID, o.events, prev);
  sqlite.close();
  return { file, clusterId: CLUSTER_ID, users: o.users, events: o.events, firstEventDay: new Date(first + 86_400_000).toISOString().slice(0, 10), hsms };
}
