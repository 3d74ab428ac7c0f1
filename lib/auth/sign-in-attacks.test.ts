import { sqliteOnly } from "../testing/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { advanceClockForTests } from "../clock";
import { db } from "../db/client";
import { traceStatements, type StatementTrace } from "../db/one-at-a-time";
import { OpError } from "../errors";
import { pair, spkiPem } from "../keys/key-test-support";
import { changeMfa, requestMfaTokenFile } from "../mfa/change-mfa";
import { overrideSettingsForTests } from "../settings";
import { anonymous, makeCluster, makeUser, meta, PASSWORD } from "../testing/fixtures";
import { signToken } from "../token-files/signing-test-support";
import type { TokenFile } from "../token-files";
import { loginWithPassword } from "./login";
import { loginWithMfa } from "./login-mfa";

// Issue 8, items 7, 8 and 10, as an anonymous attacker tries them.

overrideSettingsForTests({ LOGIN_RATE_PER_ADDRESS: 10_000, LOGIN_RATE_PER_USERNAME: 10_000 });
const sign = (file: TokenFile, key: ReturnType<typeof pair>) => ({ version: "2.0", tokens: file.tokens.map((t) => ({ unsigned: t.unsigned, signed: signToken(key.privateKey, Buffer.from(t.unsigned, "base64")) })) });
const from = (ip: string) => ({ actor: null, meta: { ...meta, ip } });

async function withMfa(clusterId: string) {
  const u = await makeUser(clusterId);
  const key = pair(`rsa2048-${u.username}`);
  const { token_file } = await requestMfaTokenFile(u.ctx, { username: u.username, role: "crypto-user", token: true });
  await changeMfa(u.ctx, { username: u.username, role: "crypto-user", current_password: PASSWORD, change_password: PASSWORD, signed_token_file: sign(token_file, key), public_key_pem: spkiPem(key.publicKey) });
  return u.username;
}

async function answer(p: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof OpError) return { status: e.status, message: e.message };
    throw e;
  }
  throw new Error("the attempt was accepted");
}

test("item 7: MFA sign-in answers alike for a user with MFA, without MFA, unknown and locked", async () => {
  const { clusterId } = await makeCluster(2);
  const mfa = await withMfa(clusterId);
  const plain = (await makeUser(clusterId)).username;
  const locked = await withMfa(clusterId);
  await db.user.update({ where: { clusterId_username: { clusterId, username: locked } }, data: { locked: true } });
  // A file the attacker made up, with well-formed tokens this console never issued.
  const forged = { version: "2.0", tokens: [0, 1].map(() => ({ unsigned: Buffer.alloc(32, 7).toString("base64"), signed: Buffer.alloc(256, 1).toString("base64") })) };
  const answers = [];
  for (const username of [mfa, plain, "no_such_user", locked]) {
    answers.push(await answer(loginWithMfa(anonymous, { cluster_id: clusterId, username, signed_token_file: forged }, "api")));
  }
  assert.equal(answers[0].status, 422);
  for (const a of answers) assert.deepEqual(a, answers[0]);
  // A malformed file: the same answer again for every kind of account.
  const broken = [];
  for (const username of [mfa, plain, "no_such_user", locked]) {
    broken.push(await answer(loginWithMfa(anonymous, { cluster_id: clusterId, username, signed_token_file: "{ not json" }, "api")));
  }
  for (const a of broken) assert.deepEqual(a, broken[0]);
});

/** The statements one failed sign-in makes, as (verb, rows touched > 0), after a warm-up attempt for the name. */
async function shapeOf(attempt: () => Promise<unknown>): Promise<string[]> {
  await attempt().catch(() => undefined);
  const seen: StatementTrace[] = [];
  traceStatements((t) => seen.push(t));
  try {
    await attempt().catch(() => undefined);
  } finally {
    traceStatements(undefined);
  }
  return seen.map((s) => `${/^\s*(\w+)/.exec(s.sql)?.[1].toUpperCase()}${/^\s*(UPDATE|INSERT|DELETE)/i.test(s.sql) ? (s.rows > 0 ? " writes" : " no-op") : ""}`);
}

test("item 8: a wrong password, an unknown name and a locked account cost the same database work", { skip: sqliteOnly("the statement trace is taken in the SQLite queue; the statements Prisma makes are the same on PostgreSQL") }, async () => {
  const { clusterId } = await makeCluster();
  const known = (await makeUser(clusterId)).username;
  const locked = (await makeUser(clusterId)).username;
  await db.user.update({ where: { clusterId_username: { clusterId, username: locked } }, data: { locked: true } });
  const attempt = (username: string) => () => loginWithPassword(anonymous, { cluster_id: clusterId, username, password: "wrong password" }, "api");
  const wrong = await shapeOf(attempt(known));
  assert.ok(wrong.filter((s) => s.endsWith("writes")).length >= 2, wrong.join(", "));
  assert.deepEqual(await shapeOf(attempt("nobody_here")), wrong);
  assert.deepEqual(await shapeOf(attempt(locked)), wrong);
});

test("item 8: the MFA step costs the same database work for every kind of account", async () => {
  const { clusterId } = await makeCluster(2);
  const mfa = await withMfa(clusterId);
  const plain = (await makeUser(clusterId)).username;
  const forged = { version: "2.0", tokens: [0, 1].map((i) => ({ unsigned: Buffer.alloc(32, i + 3).toString("base64"), signed: "AAAA" })) };
  const attempt = (username: string) => () => loginWithMfa(anonymous, { cluster_id: clusterId, username, signed_token_file: forged }, "api");
  const withKey = await shapeOf(attempt(mfa));
  assert.deepEqual(await shapeOf(attempt(plain)), withKey);
  assert.deepEqual(await shapeOf(attempt("nobody_here")), withKey);
});

test("item 10: an unknown cluster id is rate-limited per address, and a flood writes one event with its count", async () => {
  overrideSettingsForTests({ LOGIN_RATE_PER_ADDRESS: 5, LOGIN_RATE_PER_USERNAME: 10_000 });
  try {
    const attacker = from("198.51.100.77");
    const before = await db.auditEvent.count();
    const statuses = [];
    for (let i = 0; i < 40; i++) {
      const body = { cluster_id: `cluster-nope${i}`, username: `x${i}`.repeat(8), password: "guess guess" };
      statuses.push((await answer(loginWithPassword({ ...attacker, meta: { ...attacker.meta, userAgent: "A".repeat(300) } }, body, "api"))).status);
    }
    assert.deepEqual(statuses.slice(0, 5), [404, 404, 404, 404, 404]);
    assert.ok(statuses.slice(5).every((s) => s === 429), statuses.join(","));
    // Five refused sign-ins and the first 429: the other 34 refusals are not one event each.
    assert.equal((await db.auditEvent.count()) - before, 6);
    const mfaStatus = (await answer(loginWithMfa(attacker, { cluster_id: "cluster-nope", username: "x", signed_token_file: "{}" }, "api"))).status;
    assert.equal(mfaStatus, 429, "the MFA step shares the address limit");
    advanceClockForTests(61_000);
    await answer(loginWithPassword(attacker, { cluster_id: "cluster-nope", username: "x", password: "guess guess" }, "api"));
    const burst = await db.auditEvent.findFirstOrThrow({ where: { operation: "login rate limit", ip: attacker.meta.ip } });
    assert.match(burst.error ?? "", /^36 sign-in attempts refused by the per-address limit/);
    assert.equal(JSON.parse(burst.after ?? "{}").refused, 36);
  } finally {
    overrideSettingsForTests({ LOGIN_RATE_PER_ADDRESS: 10_000, LOGIN_RATE_PER_USERNAME: 10_000 });
  }
});

test("item 10: what one anonymous event can carry is bounded", async () => {
  const attacker = { actor: null, meta: { ip: "198.51.100.78", userAgent: "U".repeat(300) } };
  const { clusterId } = await makeCluster();
  await answer(loginWithPassword(attacker, { cluster_id: clusterId, username: "y".repeat(64), password: "p".repeat(1024) }, "api"));
  const e = await db.auditEvent.findFirstOrThrow({ where: { ip: attacker.meta.ip }, orderBy: { createdAt: "desc" } });
  const size = JSON.stringify(e).length;
  assert.ok(size < 2_000, `one anonymous event is ${size} characters`);
  assert.ok(!JSON.stringify(e).includes("pppp"), "the password is not in the event");
});
