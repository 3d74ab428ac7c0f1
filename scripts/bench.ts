// `npm run bench`: the console measured from outside, through HTTP, as issue 9 asks; every figure is a ratio
// against a baseline measured in the same run. BENCH_USERS / BENCH_EVENTS scale the large database down
// for a quick look (the small one is a tenth of it); the README's table comes from the defaults.
import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfStale } from "./build.mjs";
import { exportBaseline, exportThroughHttp } from "./bench/export";
import { flood, tenClients } from "./bench/flood";
import { consolePages, timePages } from "./bench/pages";
import { benchPostgres } from "./bench/postgres";
import { seedConsole } from "./bench/seed";
import { startServer, type BenchServer } from "./bench/server";
import { sqliteSyncSetting } from "../lib/db/sqlite-settings";
import { browserSessionCookie } from "./bench/session";
import { argon2PerSecond, mfaChecksPerSecond, opensslVerifiesPerSecond, signInsPerSecond } from "./bench/sign-in";
import { benchTextChecks } from "./bench/text-checks";
import { atLeast, atMost, printTable, type Verdict } from "./bench/verdicts";

const USERS = Number(process.env.BENCH_USERS) || 100_000;
const EVENTS = Number(process.env.BENCH_EVENTS) || 1_000_000;
const fmt = (n: number, digits = 1) => n.toLocaleString("en", { maximumFractionDigits: digits });
const say = (s: string) => console.log(`bench: ${s}`);

async function main() {
  say(`node ${process.version}, ${os.availableParallelism()} cores, SQLite synchronous=${sqliteSyncSetting()}, ${new Date().toISOString()}`);
  await benchTextChecks();
  buildIfStale();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hsm-console-bench-"));
  const servers: BenchServer[] = [];
  const rows: Verdict[] = [];
  const started = performance.now();
  try {
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    let t = performance.now();
    fs.mkdirSync(path.join(dir, "small"));
    fs.mkdirSync(path.join(dir, "large"));
    const small = await seedConsole(path.join(dir, "small", "console.db"), { users: USERS / 10, events: EVENTS / 10, signInUsers: 10, mfaKey: publicKey });
    const large = await seedConsole(path.join(dir, "large", "console.db"), { users: USERS, events: EVENTS, signInUsers: 10, mfaKey: publicKey });
    say(`seeded ${fmt(small.users)} users / ${fmt(small.events)} events and ${fmt(large.users)} / ${fmt(large.events)} in ${fmt((performance.now() - t) / 1000)} s`);

    // One proxy trusted, so the flood can come from many addresses; sign-in limits out of the way of the
    // throughput run (the flood's addresses and usernames are spread so that limits do not stop it either).
    const env = { TRUST_PROXY: "1", LOGIN_RATE_PER_ADDRESS: "1000000", LOGIN_RATE_PER_USERNAME: "1000000" };
    const big = await startServer(large.file, env);
    servers.push(big);
    const smallServer = await startServer(small.file, env);
    servers.push(smallServer);
    const cookie = await browserSessionCookie(big.url);
    const smallCookie = await browserSessionCookie(smallServer.url);

    // 2. Pages. Memory "at start" is read once every page has been served once: what the code itself takes.
    const bigPages = consolePages(large);
    await timePages(big.url, cookie, bigPages, 1);
    const rssStart = big.rssMb();
    const smallPages = consolePages(small);
    const largeTimes = new Map<string, number>();
    const smallTimes = new Map<string, number>();
    for (let i = 0; i < 3; i++) {
      for (const [k, v] of await timePages(big.url, cookie, bigPages, 5)) largeTimes.set(k, [...(largeTimes.has(k) ? [largeTimes.get(k)!] : []), v].sort()[0]);
      for (const [k, v] of await timePages(smallServer.url, smallCookie, smallPages, 5)) smallTimes.set(k, [...(smallTimes.has(k) ? [smallTimes.get(k)!] : []), v].sort()[0]);
    }
    await smallServer.stop();
    servers.pop();
    const notFound = largeTimes.get("404 page")!;
    const anonymous = new Set(bigPages.filter((p) => p.anonymous || p.expect === 404).map((p) => p.name));
    const authenticated = [...largeTimes].filter(([k]) => !anonymous.has(k));
    const [cheapName, cheapest] = authenticated.reduce((a, b) => (b[1] < a[1] ? b : a));
    say("page times, median ms (10k users / 100k events → 100k users / 1M events):");
    for (const [i, p] of bigPages.entries()) {
      const a = smallTimes.get(smallPages[i].name)!;
      const b = largeTimes.get(p.name)!;
      say(`  ${p.name.padEnd(28)} ${fmt(a, 2).padStart(7)} → ${fmt(b, 2).padStart(7)} ms  (×${(b / a).toFixed(2)} with 10× the data; ×${(b / cheapest).toFixed(2)} the cheapest page)`);
    }
    rows.push(atMost(`2. cheapest page (${cheapName}) vs the 404 page`, `${fmt(cheapest, 2)} vs ${fmt(notFound, 2)} ms`, cheapest / notFound, 2));
    const [worstName, worst] = authenticated.reduce((a, b) => (b[1] > a[1] ? b : a));
    rows.push(atMost(`2. slowest page (${worstName}) vs the cheapest`, `${fmt(worst, 2)} vs ${fmt(cheapest, 2)} ms`, worst / cheapest, 2));
    const growth = bigPages.slice(1).map((p, i) => [p.name, largeTimes.get(p.name)! / smallTimes.get(smallPages[i + 1].name)!] as const);
    const [grewName, grew] = growth.reduce((a, b) => (b[1] > a[1] ? b : a));
    rows.push(atMost(`2. most growth, 10k → 100k users (${grewName})`, `×${grew.toFixed(2)} with 10× the users and events`, grew, 1.5));

    // Issue 12: the overview and the users page on PostgreSQL, beside these SQLite times (skipped without PostgreSQL).
    const onPostgres = bigPages.filter((p) => ["overview", "users, first page", "users, search"].includes(p.name));
    rows.push(...(await benchPostgres(large, largeTimes, onPostgres, env, say)));

    // 1. Sign-in.
    const argon2 = await argon2PerSecond();
    const signIns = await signInsPerSecond(big.url, privateKey);
    rows.push(atLeast("1. MFA sign-ins/s (HTTP, 10 clients) vs argon2id verifications/s", `${fmt(signIns)} vs ${fmt(argon2)} /s`, signIns / argon2, 0.5));
    const openssl = opensslVerifiesPerSecond();
    const checks = mfaChecksPerSecond(publicKey, privateKey);
    if (openssl) rows.push(atLeast("1. MFA check (parse, 8 verifies) vs openssl speed rsa2048", `${fmt(checks * 8, 0)} vs ${fmt(openssl, 0)} verifies/s`, (checks * 8) / openssl, 0.5));
    else say("openssl is not installed: the MFA check has no openssl baseline in this run");

    // 3. Export.
    // Each twice, alternately; the faster of each counts (the machine's other work slows either at random).
    const runs = [];
    for (let i = 0; i < 2; i++) runs.push({ base: await exportBaseline(large), http: await exportThroughHttp(big, cookie) });
    const http = runs.reduce((a, b) => (b.http.seconds < a.http.seconds ? b : a)).http;
    const base = runs.reduce((a, b) => (b.base.seconds < a.base.seconds ? b : a)).base;
    if (http.rows < large.events) throw new Error(`the export gave ${http.rows} rows`);
    const rate = http.rows / http.seconds;
    const baseRate = base.rows / base.seconds;
    http.rssGrowthMb = Math.max(...runs.map((r) => r.http.rssGrowthMb));
    rows.push(atLeast(`3. audit CSV export vs ${base.how}`, `${fmt(rate, 0)} vs ${fmt(baseRate, 0)} rows/s`, rate / baseRate, 0.5));
    rows.push(atMost("3. export's peak RSS growth, MB (absolute)", `${fmt(http.rssGrowthMb)} MB for ${fmt(http.rows)} rows`, http.rssGrowthMb / 100, 1));

    // 4. Flood and concurrency.
    const f = await flood(big.url, cookie, large.users);
    say(`flood: ${fmt(f.attemptsPerSecond)} wrong passwords/s answered ${JSON.stringify(f.answers)}`);
    rows.push(atMost("4. read p50 under a 50-client wrong-password flood vs unloaded", `${fmt(f.loaded, 2)} vs ${fmt(f.unloaded, 2)} ms`, f.loaded / f.unloaded, 3));
    const ten = await tenClients(big.url, cookie, bigPages);
    const worstRoute = ten.routes.reduce((a, b) => (b.p99 / b.p50 > a.p99 / a.p50 ? b : a));
    rows.push(atMost(`4. 10 clients: worst p99/p50 (${worstRoute.name})`, `${fmt(worstRoute.p99, 1)} vs ${fmt(worstRoute.p50, 1)} ms`, worstRoute.p99 / worstRoute.p50, 3));
    rows.push(atMost("4. 10 clients: errors", `${ten.errors} of ${ten.routes.reduce((a, r) => a + r.n, 0) + ten.errors} requests`, ten.errors, 0));

    // 5. Memory after it all, once idle.
    const idle = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
    say(`idle for ${idle} s before the last memory reading…`);
    await new Promise((r) => setTimeout(r, idle * 1000));
    const rssEnd = big.rssMb();
    rows.push(atMost(`5. server RSS after the bench and ${idle} s idle vs at start (warm)`, `${fmt(rssEnd, 0)} vs ${fmt(rssStart, 0)} MB`, rssEnd / rssStart, 2));
    printTable(rows);
    say(`the whole run took ${fmt((performance.now() - started) / 60_000)} min`);
  } finally {
    for (const s of servers) await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
