import "../testing/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "../db/client";
import { makeCluster, makeUser, PASSWORD } from "../testing/fixtures";
import { changePassword } from "../users/change-password";
import { deleteUser } from "../users/delete";
import { approveQuorumToken } from "./approve";
import { generateQuorumToken } from "./generate";
import { listQuorumValues, listTimeouts, setQuorumTimeout, setQuorumValue } from "./settings";
import { approver, sign, snapshotAll } from "./test-support";
import { refused } from "../testing/assertions";

test("quorum values: 1 to 8, never more than the admins with quorum keys, with a warning below M+1", async () => {
  const { clusterId, ctx } = await makeCluster();
  assert.deepEqual(await listQuorumValues(ctx), { user: 1, quorum: 1, approvers: 0 });
  assert.deepEqual(await listTimeouts(ctx), { generated: 600, approved: 600 });
  const cu = await makeUser(clusterId);
  assert.deepEqual([await listQuorumValues(cu.ctx), await listTimeouts(cu.ctx)], [{ user: 1, quorum: 1, approvers: 0 }, { generated: 600, approved: 600 }], "crypto users read both, as in the CLI");
  const before = await snapshotAll();
  await refused(setQuorumValue(ctx, { service: "user", value: 2 }), 409, /cannot need 2 approvals: only 0 admins have a quorum key/);
  await refused(setQuorumValue(ctx, { service: "user", value: 9 }), 400, /whole number from 1 to 8/);
  await refused(setQuorumValue(ctx, { service: "user", value: 0 }), 400, /whole number from 1 to 8/);
  await refused(setQuorumValue(ctx, { service: "key", value: 1 }), 400, /Service must be user or quorum/);
  assert.equal(await snapshotAll(), before);
  await approver(clusterId, "rsa2048");
  await approver(clusterId, "rsa2048b");
  await approver(clusterId, "rsa2048d", "crypto-user"); // a crypto user's key never counts
  const set = await setQuorumValue(ctx, { service: "user", value: 2 });
  assert.equal(set.value, 2);
  assert.match(set.warning!, /Only 2 admins have a quorum key: if one of them leaves or loses their key, 2 approvals can no longer be collected. AWS advises at least 3/);
  assert.equal((await db.cluster.findUniqueOrThrow({ where: { id: clusterId } })).quorumUser, 2);
});

test("changing a quorum value, up or down, needs the approval of the current quorum service value", async () => {
  const { clusterId, ctx } = await makeCluster();
  const [a, b, c] = [await approver(clusterId, "rsa2048"), await approver(clusterId, "rsa2048b"), await approver(clusterId, "rsa2048c")];
  const raised = await setQuorumValue(ctx, { service: "quorum", value: 2 }); // from 1: no approval needed yet
  assert.match(raised.warning!, /The quorum value \(2\) is above the user value \(1\), which protects little: with 1 approval under the user service, anyone can create admins, and those admins can then approve quorum changes\. Set the user value to at least 2\./);
  const before = await snapshotAll();
  await refused(setQuorumValue(a.ctx, { service: "user", value: 2 }), 403, /^Quorum approval is required for this operation: the quorum service needs 2 approvals/);
  assert.equal(await snapshotAll(), before);

  const { approval_file } = await generateQuorumToken(a.ctx, { service: "quorum", operation: { command: "quorum token-sign set-quorum-value", service: "user", value: 3 } });
  const file = approval_file as { token: string };
  await approveQuorumToken(b.ctx, { token: file.token, signature: sign("rsa2048b", file.token) });
  await approveQuorumToken(c.ctx, { token: file.token, signature: sign("rsa2048c", file.token) });
  await refused(setQuorumValue(a.ctx, { service: "user", value: 2, approval: file }), 422, /this token approves "set the quorum value of the user service to 3", not "set the quorum value of the user service to 2"/);
  const set = await setQuorumValue(a.ctx, { service: "user", value: 3, approval: file });
  assert.deepEqual(set, { service: "user", value: 3, warning: set.warning });
  assert.match(set.warning!, /AWS advises at least 4/);
  assert.doesNotMatch(set.warning!, /protects little/, "user 3 is at least quorum 2");
  assert.equal((await db.cluster.findUniqueOrThrow({ where: { id: clusterId } })).quorumUser, 3);
});

test("timeouts: 30 s to one day, each or both", async () => {
  const { ctx } = await makeCluster();
  assert.deepEqual(await setQuorumTimeout(ctx, { approved: 120 }), { generated: 600, approved: 120 });
  const before = await snapshotAll();
  await refused(setQuorumTimeout(ctx, {}), 400, /Give generated, approved, or both/);
  await refused(setQuorumTimeout(ctx, { generated: 10 }), 400, /generated is at least 30 seconds/);
  await refused(setQuorumTimeout(ctx, { approved: 90_000 }), 400, /at most 86400 seconds/);
  await refused(setQuorumTimeout(ctx, { generated: "soon" }), 400, /generated is a number of seconds/);
  assert.equal(await snapshotAll(), before);
});

test("the last admins the quorum needs cannot be deleted or lose their quorum key; self changes need no approval", async () => {
  const { clusterId, ctx } = await makeCluster();
  const a = await approver(clusterId, "rsa2048");
  const b = await approver(clusterId, "rsa2048b");
  await db.cluster.update({ where: { id: clusterId }, data: { quorumQuorum: 2 } });
  const before = await snapshotAll();
  await refused(deleteUser(ctx, { username: b.username, role: "admin" }), 409, /Deleting adm_\w+ would leave 1 admin with a quorum key, fewer than the 2 approvals the quorum service needs/);
  await refused(changePassword(a.ctx, { username: a.username, role: "admin", current_password: PASSWORD, password: "new password", deregister_quorum: true }), 409, /Deregistering the quorum key of adm_\w+ would leave 1 admin/);
  assert.equal(await snapshotAll(), before);

  await db.cluster.update({ where: { id: clusterId }, data: { quorumQuorum: 1, quorumUser: 2 } });
  await approver(clusterId, "rsa2048c");
  await changePassword(a.ctx, { username: a.username, role: "admin", current_password: PASSWORD, password: "new password", deregister_quorum: true });
  const row = await db.user.findUniqueOrThrow({ where: { clusterId_username: { clusterId, username: a.username } } });
  assert.equal(row.quorumFingerprint, null);
  assert.equal(row.quorumPublicKey, null);
  const cu = await makeUser(clusterId);
  await refused(changePassword(b.ctx, { username: cu.username, role: "crypto-user", password: "12345678" }), 403, /^Quorum approval is required for this operation/);
  await changePassword(cu.ctx, { username: cu.username, role: "crypto-user", current_password: PASSWORD, password: "12345678" });
});
