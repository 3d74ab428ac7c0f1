import "../testing/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { advanceClockForTests, now, resetClockForTests } from "../clock";
import { db } from "../db/client";
import { overrideSettingsForTests, settings } from "../settings";
import { makeCluster, makeUser } from "../testing/fixtures";
import { keysOlderThan, listUsers, listUsersSchema, userWhere } from "../users/list";
import { userTallies } from "../users/tallies";
import { clusterOverview, quorumState } from "./summary";

const day = 86_400_000;

/** A cluster seeded with one user of each kind the overview counts. */
async function seeded() {
  const c = await makeCluster();
  const set = (username: string, data: Parameters<typeof db.user.update>[0]["data"]) =>
    db.user.update({ where: { clusterId_username: { clusterId: c.clusterId, username } }, data });
  const at = now();
  const key = (bits: number, ageDays: number) => ({ fingerprint: `SHA256:${bits}x${ageDays}`, bits, at: new Date(at.getTime() - ageDays * day) });
  const mfa = (k: ReturnType<typeof key>) => ({ mfaFingerprint: k.fingerprint, mfaKeyBits: k.bits, mfaRegisteredAt: k.at, lastLoginAt: at });
  await set(c.admin, { lastLoginAt: at }); // admin without MFA, has signed in
  await set((await makeUser(c.clusterId, "admin", "adm_mfa")).username, { ...mfa(key(4096, 10)), quorumFingerprint: "SHA256:q1", quorumKeyBits: 2048, quorumRegisteredAt: at });
  await set((await makeUser(c.clusterId, "admin", "adm_old")).username, { ...mfa(key(3072, 400)) });
  await set((await makeUser(c.clusterId, "crypto-user", "cu_weak")).username, { ...mfa(key(2048, 30)) });
  await set((await makeUser(c.clusterId, "crypto-user", "cu_locked")).username, { locked: true });
  await makeUser(c.clusterId, "crypto-user", "cu_new");
  await makeUser((await makeCluster()).clusterId, "admin", "elsewhere"); // another cluster: never counted
  return c;
}

test("the overview counts a seeded cluster exactly, and each count's filter lists exactly those users", async () => {
  const c = await seeded();
  overrideSettingsForTests({ KEY_ATTENTION_BELOW_BITS: 3072 });
  const o = await clusterOverview(c.ctx);
  overrideSettingsForTests({ KEY_ATTENTION_BELOW_BITS: 2048 });
  const counts = (group: Record<string, { count: number }>) => Object.fromEntries(Object.entries(group).map(([k, v]) => [k, v.count]));
  assert.deepEqual(counts(o.users), {
    all: 6, admins: 3, cryptoUsers: 3, mfaEnabled: 3, mfaDisabled: 3,
    adminsWithoutMfa: 1, adminsWithMfa: 2, cryptoWithoutMfa: 2, cryptoWithMfa: 1,
  });
  assert.deepEqual(counts(o.attention as Record<string, { count: number }>), { locked: 1, weakKeys: 2, oldKeys: 1, neverSignedIn: 2 });
  assert.deepEqual(o.attention.weakKeys?.filter, { key_bits: "under_3072" });
  assert.equal(o.keyHolders.count, 1);
  assert.deepEqual(o.adminsWithoutMfa, [c.admin]);
  const expected: Record<string, string[]> = {
    locked: ["cu_locked"], weakKeys: ["adm_mfa", "cu_weak"], oldKeys: ["adm_old"], neverSignedIn: ["cu_locked", "cu_new"],
  };
  for (const [name, tally] of Object.entries(o.attention as Record<string, { count: number; filter: Record<string, string> }>)) {
    const listed = await listUsers(c.ctx, tally.filter);
    assert.deepEqual(listed.users.map((u) => u.username), expected[name], name);
    assert.equal(listed.total, tally.count);
  }
  for (const tally of [...Object.values(o.users), o.keyHolders]) assert.equal((await listUsers(c.ctx, tally.filter)).total, tally.count);
  // The list's totals come from the same tallies; a plain count of each filter's users must agree.
  overrideSettingsForTests({ KEY_ATTENTION_BELOW_BITS: 3072 });
  for (const tally of [...Object.values(o.users), ...Object.values(o.attention as Record<string, { filter: Record<string, string> }>), o.keyHolders, { filter: { mfa: "enabled" } }]) {
    const where = userWhere(c.clusterId, listUsersSchema.parse(tally.filter));
    assert.equal((await listUsers(c.ctx, tally.filter)).total, await db.user.count({ where }), JSON.stringify(tally.filter));
  }
  overrideSettingsForTests({ KEY_ATTENTION_BELOW_BITS: 2048 });
});

test("by default RSA-2048, CloudHSM's own size, needs no attention: the weak-key count is left out", async () => {
  const c = await seeded();
  assert.equal(settings().KEY_ATTENTION_BELOW_BITS, 2048);
  assert.equal((await clusterOverview(c.ctx)).attention.weakKeys, null);
  assert.deepEqual((await listUsers(c.ctx, { key_bits: "under_4096" })).users.map((u) => u.username), ["adm_mfa", "adm_old", "cu_weak"], "the filter still takes any size");
});

test("a key turns old a year after its registration, by the console's clock", async () => {
  const c = await seeded();
  try {
    advanceClockForTests(340 * day); // cu_weak: 370 days; adm_mfa: 350 days
    assert.deepEqual((await listUsers(c.ctx, { key_age: "over_1y" })).users.map((u) => u.username), ["adm_old", "cu_weak"]);
    assert.equal((await clusterOverview(c.ctx)).attention.oldKeys.count, 2);
  } finally {
    resetClockForTests();
  }
});

test("quorum health warns below M + 1 admins with quorum keys, and says when nothing can be approved", () => {
  assert.equal(quorumState("user", 1, 0).state, "off");
  assert.equal(quorumState("user", 2, 1).state, "blocked");
  assert.equal(quorumState("user", 2, 2).state, "thin");
  assert.equal(quorumState("quorum", 2, 3).state, "ok");
});

test("the new users-list filters refuse unknown values in plain words", async () => {
  const { ctx } = await makeCluster();
  await assert.rejects(listUsers(ctx, { key_bits: "2048" }), /Use under_<bits>, such as under_3072/);
  await assert.rejects(listUsers(ctx, { key_bits: "under_1024" }), /Use under_<bits>/);
  await assert.rejects(listUsers(ctx, { key_age: "old" }), /Use over_1y/);
  await assert.rejects(listUsers(ctx, { never_signed_in: "yes" }), /Use true or false/);
});

test("the counts the database keeps stay exact through every kind of change, and a sign-in that only moves the time costs no recount", async () => {
  const c = await seeded();
  const recount = async () => {
    const users = await db.user.findMany({ where: { clusterId: c.clusterId } });
    const cutoff = keysOlderThan();
    const oldest = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));
    const smallest = (a: number | null, b: number | null) => (a !== null && b !== null ? Math.min(a, b) : (a ?? b));
    const n = (f: (u: (typeof users)[number]) => boolean) => users.filter(f).length;
    return {
      adminsWithoutMfa: n((u) => u.role === "admin" && !u.mfaFingerprint), adminsWithMfa: n((u) => u.role === "admin" && !!u.mfaFingerprint),
      cryptoWithoutMfa: n((u) => u.role === "crypto-user" && !u.mfaFingerprint), cryptoWithMfa: n((u) => u.role === "crypto-user" && !!u.mfaFingerprint),
      locked: n((u) => u.locked), weakKeys: n((u) => (smallest(u.mfaKeyBits, u.quorumKeyBits) ?? Infinity) < 3072),
      oldKeys: n((u) => (oldest(u.mfaRegisteredAt, u.quorumRegisteredAt) ?? cutoff) < cutoff), neverSignedIn: n((u) => !u.lastLoginAt),
      quorumKeyAdmins: n((u) => u.role === "admin" && !!u.quorumFingerprint),
    };
  };
  const check = async (step: string) => assert.deepEqual(await userTallies(c.clusterId, 3072, keysOlderThan()), await recount(), step);
  await check("seeded");
  const where = (username: string) => ({ clusterId_username: { clusterId: c.clusterId, username } });
  await db.user.update({ where: where("adm_mfa"), data: { mfaFingerprint: null, mfaKeyBits: null, mfaRegisteredAt: null } });
  await check("MFA deregistered");
  await db.user.update({ where: where("cu_locked"), data: { locked: false, lastLoginAt: now() } });
  await check("unlocked and signed in");
  await db.user.update({ where: where("cu_new"), data: { quorumFingerprint: "SHA256:qq", quorumKeyBits: 2048, quorumRegisteredAt: new Date(now().getTime() - 500 * day), role: "admin" } });
  await check("quorum key and a new role");
  await db.user.delete({ where: where("adm_old") });
  await check("deleted");
  const before = await db.userTally.findMany({ where: { clusterId: c.clusterId }, orderBy: [{ kind: "asc" }, { value: "asc" }] });
  await db.user.update({ where: where("cu_weak"), data: { lastLoginAt: new Date(now().getTime() + 1000), failedLogins: 0 } });
  assert.deepEqual(await db.userTally.findMany({ where: { clusterId: c.clusterId }, orderBy: [{ kind: "asc" }, { value: "asc" }] }), before, "a later sign-in time changes no count");
});
