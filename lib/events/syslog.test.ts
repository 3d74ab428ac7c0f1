import "../testing/db";
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { db } from "../db/client";
import { overrideSettingsForTests } from "../settings";
import { makeCluster, PASSWORD, unique } from "../testing/fixtures";
import { createUser } from "../users/create";
import { parseRfc5424, tcpListener, udpListener } from "./rfc5424.test-support";
import type { EventPayload } from "./payload";
import { syslogMessage } from "./syslog";
import { deliverPending } from "./worker";

after(() => overrideSettingsForTests({ SYSLOG_URL: undefined }));

async function eventually(probe: () => boolean) {
  for (let i = 0; i < 200 && !probe(); i++) await new Promise((r) => setTimeout(r, 10)); // a datagram in flight
}

/** Writes a cluster's first events and one user create, then delivers; returns the chain's events in order. */
async function someEvents() {
  const { clusterId, ctx } = await makeCluster();
  await createUser(ctx, { username: unique("cu"), role: "crypto-user", password: PASSWORD });
  await deliverPending();
  return db.auditEvent.findMany({ where: { chain: clusterId }, orderBy: { seq: "asc" } });
}

function checkMessages(messages: string[], events: Awaited<ReturnType<typeof someEvents>>) {
  const ours = messages.map(parseRfc5424).filter((m) => events.some((e) => e.id === m.sd["audit@32473"]?.id));
  assert.equal(ours.length, events.length, "one message per audit event");
  ours.forEach((m, i) => {
    const e = events[i];
    assert.equal(m.version, 1);
    assert.equal(m.pri, 13 * 8 + 5, "facility log audit, severity notice");
    assert.equal(m.timestamp, e.createdAt.toISOString());
    assert.equal(m.app, "hsm-console");
    assert.equal(m.procid, String(process.pid));
    assert.equal(m.msgid, e.operation.replace(/ /g, "_").slice(0, 32));
    assert.deepEqual(m.sd["audit@32473"], {
      id: e.id, cluster: e.clusterId, seq: String(e.seq), ...(e.actorUsername ? { actor: e.actorUsername } : {}), ...(e.target ? { target: e.target } : {}), outcome: e.outcome,
    });
    const body = JSON.parse(m.msg);
    assert.equal(body.id, e.id);
    assert.equal(body.hash, e.hash);
  });
}

test("TCP syslog: one octet-counted RFC 5424 message per audit event, in order", async () => {
  const listener = await tcpListener();
  try {
    overrideSettingsForTests({ SYSLOG_URL: listener.url });
    const events = await someEvents();
    assert.ok(events.length >= 2);
    await eventually(() => listener.messages.length >= events.length);
    checkMessages(listener.messages, events);
  } finally {
    await listener.close();
  }
});

test("UDP syslog: one datagram per audit event, RFC 5424", async () => {
  const listener = await udpListener();
  try {
    overrideSettingsForTests({ SYSLOG_URL: listener.url });
    const events = await someEvents();
    await eventually(() => listener.messages.length >= events.length);
    checkMessages(listener.messages, events);
  } finally {
    await listener.close();
  }
});

test("a failure is a warning", async () => {
  const listener = await tcpListener();
  try {
    overrideSettingsForTests({ SYSLOG_URL: listener.url });
    const { clusterId, ctx } = await makeCluster();
    await assert.rejects(createUser(ctx, { username: "bad name!", role: "crypto-user", password: PASSWORD }));
    await deliverPending();
    const failure = await db.auditEvent.findFirstOrThrow({ where: { chain: clusterId, outcome: "failure" } });
    await eventually(() => listener.messages.some((m) => m.includes(failure.id)));
    const m = parseRfc5424(listener.messages.find((t) => t.includes(failure.id))!);
    assert.equal(m.pri, 13 * 8 + 4);
    assert.equal(m.sd["audit@32473"].outcome, "failure");
  } finally {
    await listener.close();
  }
});

test("structured-data values escape quotes, backslashes and brackets; header fields stay printable", () => {
  const payload = { id: "e1", type: "user create", cluster_id: "c1", chain: "c1", seq: 7, time: "2026-11-30T10:00:00.000Z", actor: { username: "alice", role: "admin" }, target: 'a"b]c\\d', outcome: "success" } as unknown as EventPayload;
  const m = parseRfc5424(syslogMessage(payload, "host name", 42));
  assert.equal(m.sd["audit@32473"].target, 'a"b]c\\d');
  assert.equal(m.hostname, "host_name");
  assert.equal(m.msgid, "user_create");
  assert.equal(JSON.parse(m.msg).target, 'a"b]c\\d');
});
