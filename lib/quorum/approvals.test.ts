import "../testing/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { advanceClockForTests } from "../clock";
import { db } from "../db/client";
import { OpError } from "../errors";
import { makeCluster, makeUser, signedIn } from "../testing/fixtures";
import { changePassword } from "../users/change-password";
import { createUser } from "../users/create";
import { deleteUser } from "../users/delete";
import { approveQuorumToken } from "./approve";
import { generateQuorumToken } from "./generate";
import { listQuorumTokens } from "./list";
import { approver, sign, snapshotAll } from "./test-support";
import { refused } from "../testing/assertions";

const REQUIRED = /^Quorum approval is required for this operation/;

/** A cluster with `user` value 2 and three admins with quorum keys: a requester and two approvers. */
async function quorumCluster() {
  const { clusterId, ctx: bootstrap } = await makeCluster();
  const [a, b, c] = [await approver(clusterId, "rsa2048"), await approver(clusterId, "rsa2048b"), await approver(clusterId, "rsa2048c")];
  await db.cluster.update({ where: { id: clusterId }, data: { quorumUser: 2 } });
  const victim = await makeUser(clusterId);
  return { clusterId, bootstrap, a, b, c, victim };
}

type File = { version: string; approval_data: string; token: string; signatures: { username: string; signature: string }[] };

async function generate(ctx: Parameters<typeof generateQuorumToken>[0], operation?: Record<string, unknown>, service = "user") {
  const { approval_file } = await generateQuorumToken(ctx, { service, ...(operation ? { operation } : {}) });
  return approval_file as unknown as File;
}

const withSignatures = (file: File, ...signers: { username: string; key?: string }[]): File => ({
  ...file,
  signatures: signers.map((s) => ({ username: s.username, signature: sign(s.key!, file.token) })),
});

test("two admins approve in the console, the requester deletes the user once; without approval it is refused", async () => {
  const { clusterId, a, b, c, victim } = await quorumCluster();
  const del = { username: victim.username, role: "crypto-user" };
  const before = await snapshotAll();
  await refused(deleteUser(a.ctx, del), 403, /^Quorum approval is required for this operation: the user service needs 2 approvals and none was given\. Request approval for this operation .*In cloudhsm-cli: `quorum token-sign generate --service user`/);
  assert.equal(await snapshotAll(), before);

  const file = await generate(a.ctx, { command: "user delete", ...del });
  const data = JSON.parse(Buffer.from(file.approval_data, "base64").toString());
  assert.deepEqual(Object.keys(data), ["cluster", "expires_at", "nonce", "operation", "requester", "service"]);
  assert.deepEqual(data.operation, { command: "user delete", role: "crypto-user", username: victim.username });
  assert.equal(data.requester, a.username);

  assert.deepEqual(await approveQuorumToken(b.ctx, { token: file.token, signature: sign("rsa2048b", file.token) }), { approvals_required: 2, number_of_approvals: 1 });
  const listed = (await listQuorumTokens(a.ctx)).tokens.find((t) => t.token === file.token)!;
  assert.equal(listed.number_of_approvals, 1);
  assert.ok(listed.token_timeout_seconds > 590 && listed.token_timeout_seconds <= 600);
  assert.match(listed.description, new RegExp(`delete crypto-user ${victim.username}`));
  await refused(deleteUser(a.ctx, { ...del, approval: file }), 403, /this token has 1 of the 2 approvals/);

  await refused(approveQuorumToken(b.ctx, { approval_file: withSignatures(file, b) }), 409, /you already approved this token; each approver counts once/);
  assert.deepEqual(await approveQuorumToken(c.ctx, { approval_file: withSignatures(file, c) }), { approvals_required: 2, number_of_approvals: 2 });

  await deleteUser(a.ctx, { ...del, approval: JSON.stringify(file) });
  assert.equal(await db.user.count({ where: { clusterId, username: victim.username } }), 0);
  const use = await db.auditEvent.findFirstOrThrow({ where: { clusterId, operation: "quorum token-sign use" } });
  assert.deepEqual(JSON.parse(use.after!).approvers, [b.username, c.username].sort());
});

test("an approval file carrying both signatures works without the console having collected them", async () => {
  const { clusterId, a, b, c, victim } = await quorumCluster();
  const file = await generate(a.ctx); // no operation: the requester's next operation of the user service
  await createUser(a.ctx, { username: "newbie", role: "crypto-user", password: "12345678", approval: withSignatures(file, b, c) });
  assert.equal(await db.user.count({ where: { clusterId, username: "newbie" } }), 1);
  const before = await snapshotAll();
  await refused(deleteUser(a.ctx, { username: victim.username, role: "crypto-user", approval: withSignatures(file, b, c) }), 409, /already used.*works once/);
  assert.equal(await snapshotAll(), before);
});

test("each bad approval file is refused with its reason and changes nothing", async () => {
  const { clusterId, a, b, c, victim } = await quorumCluster();
  const cu = await approver(clusterId, "rsa2048d", "crypto-user");
  const keyless = await approver(clusterId);
  const del = { username: victim.username, role: "crypto-user" };
  const file = await generate(a.ctx, { command: "user delete", ...del });
  const tamperedData = Buffer.from(Buffer.from(file.approval_data, "base64").toString().replace(victim.username, b.username)).toString("base64");
  const { createHash } = await import("node:crypto");
  const recomputed = createHash("sha256").update(Buffer.from(tamperedData, "base64")).digest("base64");
  const cases: [string, unknown, number, RegExp][] = [
    ["crypto user", withSignatures(file, b, cu), 422, /signature by cu_\w+ does not count: cu_\w+ is a crypto-user, and only admins approve/],
    ["no quorum key", { ...withSignatures(file, b), signatures: [...withSignatures(file, b).signatures, { username: keyless.username, signature: sign("rsa2048", file.token) }] }, 422, /has no quorum key registered/],
    ["not the approver's key", { ...file, signatures: [{ username: b.username, signature: sign("rsa2048b", file.token) }, { username: c.username, signature: sign("rsa2048", file.token) }] }, 422, /signature by adm_\w+ is not valid: it was not made with adm_\w+'s registered quorum key \(SHA256:/],
    ["same approver twice", withSignatures(file, b, b), 422, /signed this token more than once; each approver counts once/],
    ["tampered data", { ...withSignatures(file, b, c), approval_data: tamperedData }, 422, /the approval file was changed: its "token" is not the SHA-256 of its "approval_data"/],
    ["tampered data, token recomputed", { ...withSignatures(file, b, c), approval_data: tamperedData, token: recomputed }, 422, /token is not a quorum token of this cluster/],
    ["malformed JSON", JSON.stringify(withSignatures(file, b, c)).slice(0, -5), 400, /the approval file could not be read. The file is not valid JSON.*Upload approval.json as the console generated it/],
    ["not an approval file", { version: "2.0", tokens: [] }, 400, /not in the expected format/],
  ];
  const before = await snapshotAll();
  for (const [name, approval, status, message] of cases) {
    await assert.rejects(deleteUser(a.ctx, { ...del, approval }), (e: unknown) => {
      assert.ok(e instanceof OpError, name);
      assert.match(e.message, REQUIRED, name);
      assert.match(e.message, message, `${name}: ${e.message}`);
      assert.equal(e.status, status, name);
      return true;
    });
  }
  assert.equal(await snapshotAll(), before);
  const failures = await db.auditEvent.count({ where: { clusterId, operation: "user delete", outcome: "failure" } });
  assert.equal(failures, cases.length);
});

test("a token works only for its service, its operation, its requester and its session", async () => {
  const { clusterId, a, b, c, victim } = await quorumCluster();
  const other = await makeUser(clusterId);
  await db.cluster.update({ where: { id: clusterId }, data: { quorumQuorum: 2 } });
  const quorumFile = withSignatures(await generate(a.ctx, undefined, "quorum"), b, c);
  const userFile = withSignatures(await generate(a.ctx, { command: "user delete", username: victim.username, role: "crypto-user" }), b, c);
  const secondSession = await signedIn(clusterId, a.username);
  const before = await snapshotAll();
  await refused(deleteUser(a.ctx, { username: victim.username, role: "crypto-user", approval: quorumFile }), 422, /this token is for the quorum service; user delete needs a token for the user service/);
  await refused(deleteUser(a.ctx, { username: other.username, role: "crypto-user", approval: userFile }), 422, new RegExp(`this token approves "delete crypto-user ${victim.username}", not "delete crypto-user ${other.username}"`));
  await refused(changePassword(a.ctx, { username: victim.username, role: "crypto-user", password: "12345678", approval: userFile }), 422, /this token approves "delete/);
  await refused(deleteUser(b.ctx, { username: victim.username, role: "crypto-user", approval: userFile }), 403, new RegExp(`generated by ${a.username}; only its requester can use it`));
  await refused(deleteUser(secondSession, { username: victim.username, role: "crypto-user", approval: userFile }), 403, /generated in another session of yours/);
  assert.equal(await snapshotAll(), before);
});

test("a token lapses: approvals are collected within `generated`, and it is used within `approved`", async () => {
  const { clusterId, a, b, c, victim } = await quorumCluster();
  await db.cluster.update({ where: { id: clusterId }, data: { timeoutGenerated: 100, timeoutApproved: 50 } });
  const del = { username: victim.username, role: "crypto-user" };
  const late = await generate(a.ctx, { command: "user delete", ...del });
  await approveQuorumToken(b.ctx, { token: late.token, signature: sign("rsa2048b", late.token) });
  advanceClockForTests(101_000);
  await refused(approveQuorumToken(c.ctx, { approval_file: withSignatures(late, c) }), 409, /this token expired; approvals are collected within 100 seconds/);
  let before = await snapshotAll();
  await refused(deleteUser(a.ctx, { ...del, approval: withSignatures(late, b, c) }), 409, /expired before it was approved: approvals are collected within 100 seconds/);
  assert.equal(await snapshotAll(), before);
  assert.equal((await listQuorumTokens(a.ctx)).tokens.length, 0);

  const slow = await generate(a.ctx, { command: "user delete", ...del }); // the lapsed token no longer blocks a new one
  await approveQuorumToken(b.ctx, { token: slow.token, signature: sign("rsa2048b", slow.token) });
  await approveQuorumToken(c.ctx, { token: slow.token, signature: sign("rsa2048c", slow.token) });
  advanceClockForTests(51_000);
  before = await snapshotAll();
  await refused(deleteUser(a.ctx, { ...del, approval: slow }), 409, /this token's approval expired: an approved token is used within 50 seconds/);
  assert.equal(await snapshotAll(), before);
});

test("one live token per admin per service; delete removes your own, or all of them", async () => {
  const { a, b } = await quorumCluster();
  await generate(a.ctx);
  await refused(generateQuorumToken(a.ctx, { service: "user" }), 409, /You already have a live quorum token for the user service \(\d+ seconds left\)/);
  await generate(a.ctx, undefined, "quorum");
  await generate(b.ctx);
  await refused(generateQuorumToken(a.ctx, { service: "user", operation: { command: "quorum token-sign set-quorum-value" } }), 400, /not an operation of the user service/);
  await refused(generateQuorumToken(a.ctx, { service: "key" }), 400, /Service must be user or quorum/);
  assert.equal((await listQuorumTokens(a.ctx)).tokens.length, 3);
  const { deleteQuorumTokens } = await import("./delete");
  assert.deepEqual(await deleteQuorumTokens(a.ctx, { scope: "user" }), { deleted: 2 });
  assert.deepEqual(await deleteQuorumTokens(a.ctx, { scope: "all" }), { deleted: 1 });
});

test("a crypto user cannot generate or approve tokens, but lists them, as in the CLI", async () => {
  const { clusterId, a } = await quorumCluster();
  const cu = await approver(clusterId, "rsa2048d", "crypto-user");
  const file = await generate(a.ctx);
  const before = await snapshotAll();
  await refused(generateQuorumToken(cu.ctx, { service: "user" }), 403, /Only an admin can run quorum token-sign generate/);
  await refused(approveQuorumToken(cu.ctx, { token: file.token, signature: sign("rsa2048d", file.token) }), 403, /Only an admin/);
  assert.equal(await snapshotAll(), before);
  const { tokens } = await listQuorumTokens(cu.ctx);
  assert.deepEqual(tokens.map((t) => [t.username, t.service, t.number_of_approvals]), [[a.username, "user", 0]]);
});

test("two accounts sharing one key pair count as one approval", async () => {
  const { clusterId, a, b, victim } = await quorumCluster();
  const twin = await approver(clusterId, "rsa2048b"); // stored directly: registration itself refuses a shared key
  const file = await generate(a.ctx, { command: "user delete", username: victim.username, role: "crypto-user" });
  const before = await snapshotAll();
  await refused(deleteUser(a.ctx, { username: victim.username, role: "crypto-user", approval: withSignatures(file, b, twin) }), 403, /this token has 1 of the 2 approvals/);
  assert.equal(await snapshotAll(), before);
});

test("change-mfa for another user needs the user quorum; for yourself it does not", async () => {
  const { a, b, c, victim } = await quorumCluster();
  const { changeMfa } = await import("../mfa/change-mfa");
  const deregister = { username: victim.username, role: "crypto-user", change_password: "set by admin", deregister: true };
  const before = await snapshotAll();
  await refused(changeMfa(a.ctx, deregister), 403, REQUIRED);
  assert.equal(await snapshotAll(), before);
  const file = await generate(a.ctx, { command: "user change-mfa", username: victim.username, role: "crypto-user" });
  await changeMfa(a.ctx, { ...deregister, approval: withSignatures(file, b, c) });
  await refused(changeMfa(a.ctx, { ...deregister, approval: withSignatures(file, b, c) }), 409, /used/);
  await changeMfa(victim.ctx, { ...deregister, current_password: "set by admin", change_password: "my own password" });
});
