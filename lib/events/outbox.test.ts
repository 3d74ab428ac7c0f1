import "../testing/db";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, test } from "node:test";
import { recordAudit } from "../audit/record";
import { advanceClockForTests } from "../clock";
import { db } from "../db/client";
import { generateQuorumToken } from "../quorum/generate";
import { recordExpiredQuorumTokens } from "../quorum/expire";
import { approver } from "../quorum/test-support";
import { overrideSettingsForTests } from "../settings";
import { makeCluster, meta, PASSWORD, unique } from "../testing/fixtures";
import { createUser } from "../users/create";
import type { EventPayload } from "./payload";
import { signBody } from "./webhook";
import { backoffSeconds, deliverPending } from "./worker";

const SECRET = "outbox-test-secret-0123456789";
after(() => overrideSettingsForTests({ WEBHOOK_URL: undefined, WEBHOOK_SECRET: undefined }));

async function receiver(answer = 200) {
  const got: { id: string; seq: number; chain: string; signatureOk: boolean; body: EventPayload }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const parsed = JSON.parse(body) as EventPayload;
      got.push({ id: parsed.id, seq: parsed.seq, chain: parsed.chain, signatureOk: req.headers["x-console-signature"] === signBody(SECRET, body), body: parsed });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  overrideSettingsForTests({ WEBHOOK_URL: url, WEBHOOK_SECRET: SECRET });
  return { got, url, close: () => new Promise((r) => server.close(r)) };
}

test("the outbox row commits with its event, and rolls back with it", async () => {
  const hook = await receiver();
  try {
    const { clusterId } = await makeCluster();
    const before = await db.outboxMessage.count();
    await assert.rejects(
      db.$transaction(async (tx) => {
        await recordAudit(tx, { clusterId, operation: "user create", target: "ghost", outcome: "success", meta });
        throw new Error("the operation failed after its audit write");
      }),
    );
    assert.equal(await db.outboxMessage.count(), before);
    await recordAudit(db, { clusterId, operation: "user create", target: "kept", outcome: "success", meta });
    const row = await db.outboxMessage.findFirstOrThrow({ where: { chain: clusterId }, orderBy: { seq: "desc" } });
    assert.equal(JSON.parse(row.payload).target, "kept");
  } finally {
    await hook.close();
  }
});

test("a dead receiver neither slows nor fails an operation; the event waits with a growing backoff", async () => {
  const dead = await receiver();
  await dead.close(); // nothing listens on its port any more: connection refused
  const { clusterId, ctx } = await makeCluster();
  const t = performance.now();
  await createUser(ctx, { username: unique("cu"), role: "crypto-user", password: PASSWORD });
  assert.ok(performance.now() - t < 2_000, "no delivery on the operation's path");
  await deliverPending();
  const head = await db.outboxMessage.findFirstOrThrow({ where: { chain: clusterId, sink: "webhook" }, orderBy: { seq: "asc" } });
  assert.equal(head.attempts, 1);
  assert.equal(head.deliveredAt, null);
  assert.ok(head.lastError);
  assert.ok(head.nextAttemptAt.getTime() > Date.now());
  await deliverPending();
  assert.equal((await db.outboxMessage.findUniqueOrThrow({ where: { id: head.id } })).attempts, 1, "not retried before its backoff");
  const behind = await db.outboxMessage.findMany({ where: { chain: clusterId, sink: "webhook", seq: { gt: head.seq } } });
  assert.ok(behind.every((r) => r.attempts === 0), "events behind a failing one wait, to keep the order");
  assert.deepEqual([1, 2, 3, 4, 9, 10].map(backoffSeconds), [1, 2, 4, 8, 256, 300]);

  // The receiver is back: after the backoff, everything goes out in order.
  const hook = await receiver();
  try {
    await db.outboxMessage.updateMany({ where: { chain: clusterId }, data: { nextAttemptAt: new Date(0) } });
    await deliverPending();
    const events = await db.auditEvent.findMany({ where: { chain: clusterId }, orderBy: { seq: "asc" } });
    assert.deepEqual(hook.got.filter((g) => g.chain === clusterId).map((g) => g.id), events.map((e) => e.id));
    assert.ok(hook.got.every((g) => g.signatureOk));
  } finally {
    await hook.close();
  }
});

test("two delivery passes at once send each event once, in order (the lease is taken in the database)", async () => {
  const hook = await receiver();
  try {
    const { clusterId, ctx } = await makeCluster();
    for (let i = 0; i < 5; i++) await createUser(ctx, { username: unique("cu"), role: "crypto-user", password: PASSWORD });
    await Promise.all([deliverPending(), deliverPending(), deliverPending()]);
    const events = await db.auditEvent.findMany({ where: { chain: clusterId }, orderBy: { seq: "asc" } });
    const mine = hook.got.filter((g) => g.chain === clusterId);
    assert.deepEqual(mine.map((g) => g.seq), events.map((e) => e.seq));
  } finally {
    await hook.close();
  }
});

test("quorum events tell who asks, for what, and which admins can approve; an expiry is recorded once", async () => {
  const hook = await receiver();
  try {
    const { clusterId } = await makeCluster();
    const [a, b] = [await approver(clusterId, "rsa2048"), await approver(clusterId, "rsa2048b")];
    await approver(clusterId); // an admin without a quorum key cannot approve
    await db.cluster.update({ where: { id: clusterId }, data: { quorumUser: 2 } });
    await generateQuorumToken(a.ctx, { service: "user", operation: { command: "user delete", username: "bob", role: "crypto-user" } });
    await deliverPending();
    const generated = hook.got.find((g) => g.chain === clusterId && g.body.type === "quorum token-sign generate")!.body;
    assert.equal(generated.quorum?.requester, a.username);
    assert.equal(generated.quorum?.operation, "delete crypto-user bob");
    assert.equal(generated.quorum?.approvals_required, 2);
    assert.deepEqual(generated.quorum?.can_approve, [a.username, b.username].sort());
    assert.match(generated.text, new RegExp(`${a.username} asks for quorum approval to delete crypto-user bob \\(0 of 2 approvals\\)`));

    advanceClockForTests(3600_000);
    const counts = await Promise.all([recordExpiredQuorumTokens(), recordExpiredQuorumTokens()]);
    assert.equal(counts[0] + counts[1], 1);
    assert.equal(await db.auditEvent.count({ where: { chain: clusterId, operation: "quorum token-sign expire" } }), 1);
    await deliverPending();
    const expired = hook.got.find((g) => g.chain === clusterId && g.body.type === "quorum token-sign expire")!.body;
    assert.equal(expired.quorum?.requester, a.username);
    assert.match(expired.text, /expired unused/);
  } finally {
    await hook.close();
  }
});
