import "../testing/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { advanceClockForTests, now, resetClockForTests } from "../clock";
import { db } from "../db/client";
import { anonymous, makeCluster, makeUser, meta, snapshot } from "../testing/fixtures";
import { createUser } from "../users/create";
import { deleteUser } from "../users/delete";
import { userReport } from "../users/report";
import { rowStream } from "../reports/stream";
import { AUDIT_COLUMNS, exportAudit } from "./export";
import { getAuditEvent, listAudit } from "./list";
import { refused } from "../testing/assertions";

const text = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

test("the audit log filters by actor, target, operation, outcome and UTC days, and pages newest first", async () => {
  const { ctx, clusterId } = await makeCluster();
  const other = await makeCluster();
  await createUser(other.ctx, { username: "not_mine", role: "crypto-user", password: "12345678" });
  try {
    advanceClockForTests(3 * 86_400_000);
    for (let i = 0; i < 7; i++) await createUser(ctx, { username: `u${i}`, role: "crypto-user", password: "12345678" });
    await refused(createUser(ctx, { username: "u1", role: "crypto-user", password: "12345678" }), 409, /already exists/);
    await deleteUser(ctx, { username: "u0", role: "crypto-user" });
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);

    const all = await listAudit(ctx, {});
    assert.equal(all.events.length, 10);
    assert.deepEqual(all.events.map((e) => e.seq), [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    assert.ok(all.events.every((e) => e.target !== "not_mine"));
    const failures = await listAudit(ctx, { outcome: "failure" });
    assert.deepEqual(failures.events.map((e) => [e.operation, e.target]), [["user create", "u1"]]);
    assert.match(failures.events[0].error ?? "", /already exists/);
    assert.equal((await listAudit(ctx, { target: "u0" })).events.length, 2);
    assert.equal((await listAudit(ctx, { operation: "user delete", actor: ctx.actor.username.toUpperCase() })).events.length, 1);
    assert.equal((await listAudit(ctx, { from: day, to: day })).events.length, 9);
    assert.equal((await listAudit(ctx, { to: new Date().toISOString().slice(0, 10) })).events.length, 1);

    const page1 = await listAudit(ctx, { limit: "4" });
    assert.deepEqual(page1.events.map((e) => e.seq), [10, 9, 8, 7]);
    assert.equal(page1.next_cursor, 7);
    const page3 = await listAudit(ctx, { limit: "4", cursor: "3" });
    assert.deepEqual([page3.events.map((e) => e.seq), page3.next_cursor], [[2, 1], undefined]);

    const detail = await getAuditEvent(ctx, 10);
    assert.deepEqual([detail.operation, detail.before?.username, detail.ip, detail.user_agent], ["user delete", "u0", meta.ip, meta.userAgent]);
    await refused(getAuditEvent(ctx, 999), 404, /no audit event #999/);
    await refused(getAuditEvent(ctx, (await db.auditEvent.findFirstOrThrow({ where: { chain: other.clusterId } })).seq + 100), 404, /no audit event/);
  } finally {
    resetClockForTests();
  }
});

test("bad audit filters are refused in plain words", async () => {
  const { ctx } = await makeCluster();
  await refused(listAudit(ctx, { from: "29/11/2026" }), 400, /YYYY-MM-DD/);
  await refused(listAudit(ctx, { from: "2026-02-30" }), 400, /not a real date/);
  await refused(listAudit(ctx, { from: "2026-03-02", to: "2026-03-01" }), 400, /start date is after the end date/);
  await refused(listAudit(ctx, { outcome: "maybe" }), 400, /success or failure/);
  await refused(listAudit(ctx, { limit: "500" }), 400, /limit is 1 to 200/);
  await refused(listAudit(ctx, { actro: "x" }), 400, /Unknown field: actro/);
});

test("a crypto user and a signed-out caller cannot read or export the audit log, nor export the user list", async () => {
  const { clusterId } = await makeCluster();
  const cu = await makeUser(clusterId);
  const before = await snapshot();
  await refused(listAudit(cu.ctx, {}), 403, /Only an admin can run audit list/);
  await refused(getAuditEvent(cu.ctx, 1), 403, /Only an admin/);
  await refused(exportAudit(cu.ctx, { format: "csv" }), 403, /Only an admin can run audit export/);
  await refused(userReport(cu.ctx, { format: "csv" }), 403, /Only an admin can run user report/);
  await refused(listAudit(anonymous, {}), 401, /Sign in first/);
  assert.equal(await snapshot(), before);
});

test("exports stream the filtered rows as parseable JSON and formula-safe CSV", async () => {
  const { ctx, clusterId } = await makeCluster();
  await makeUser(clusterId, "crypto-user", "cu_a");
  await makeUser(clusterId, "crypto-user", "cu_b");
  await createUser({ ...ctx, meta: { ip: "198.51.100.1", userAgent: "=HYPERLINK(\"http://evil\")" } }, { username: "cu_c", role: "crypto-user", password: "12345678" });

  const users = JSON.parse(await text((await userReport(ctx, { format: "json", role: "crypto-user" })).stream));
  assert.deepEqual(users.users.map((u: { username: string }) => u.username), ["cu_a", "cu_b", "cu_c"]);
  assert.deepEqual(Object.keys(users.users[0]).slice(0, 5), ["username", "role", "locked", "mfa", "mfa_fingerprint"]);
  const csv = await text((await userReport(ctx, { format: "csv", search: "cu_" })).stream);
  assert.equal(csv.trim().split("\r\n").length, 4);

  const events = JSON.parse(await text((await exportAudit(ctx, { format: "json", target: "cu_c" })).stream));
  assert.deepEqual(events.events.map((e: { operation: string }) => e.operation), ["user create"]);
  const auditCsv = await text((await exportAudit(ctx, { format: "csv", target: "cu_c" })).stream);
  assert.match(auditCsv, /"'=HYPERLINK\(""http:\/\/evil""\)"/);
  await refused(exportAudit(ctx, { format: "xlsx" }), 400, /format=csv or format=json/);
  // The exports themselves are audited.
  assert.equal(await db.auditEvent.count({ where: { chain: clusterId, operation: { in: ["user report", "audit export"] }, outcome: "success" } }), 4);
});

test("the export's own SQL (a read-only cursor, issue 9) selects exactly what the audit log's query selects, in batches", async () => {
  const { ctx } = await makeCluster();
  const other = await makeCluster();
  await createUser(other.ctx, { username: "not_mine", role: "crypto-user", password: "12345678" });
  try {
    for (let d = 0; d < 3; d++) {
      advanceClockForTests(86_400_000);
      for (let i = 0; i < 3; i++) await createUser(ctx, { username: `d${d}_u${i}`, role: "crypto-user", password: "12345678" });
      await refused(createUser(ctx, { username: `d${d}_u0`, role: "crypto-user", password: "12345678" }), 409, /already exists/);
      await deleteUser(ctx, { username: `d${d}_u1`, role: "crypto-user" });
    }
    const day = (offset: number) => new Date(now().getTime() - offset * 86_400_000).toISOString().slice(0, 10);
    const cases = [{}, { actor: ctx.actor.username }, { target: "d1_u0" }, { operation: "user delete" }, { outcome: "failure" }, { from: day(1), to: day(1) }, { from: day(0) }, { to: day(2), operation: "user create" }];
    for (const filters of cases) {
      const exported = JSON.parse(await text((await exportAudit(ctx, { format: "json", ...filters })).stream)).events;
      const listed = (await listAudit(ctx, { ...filters, limit: 200 })).events;
      assert.deepEqual(exported, JSON.parse(JSON.stringify(listed)), JSON.stringify(filters));
      assert.ok(exported.length > 0, JSON.stringify(filters));
    }
    const csv = await text((await exportAudit(ctx, { format: "csv" })).stream);
    assert.equal(csv.trim().split("\r\n").length - 1, (await listAudit(ctx, { limit: 200 })).events.length);
  } finally {
    resetClockForTests();
  }
});

test("the CSV the database writes for the export is, byte for byte, the CSV the console's writer makes of the same events", async () => {
  const { ctx } = await makeCluster();
  const agents = ['=HYPERLINK("http://evil")', "@SUM(1)", "-1+1", "+1", "\tTab", "\rCR", 'quote " inside', "", "plain"];
  for (const [i, userAgent] of agents.entries()) {
    await createUser({ ...ctx, meta: { ip: "198.51.100.7", userAgent } }, { username: `csv_${i}`, role: "crypto-user", password: "12345678" });
  }
  await refused(createUser(ctx, { username: "csv_0", role: "crypto-user", password: "12345678" }), 409, /already exists/);
  const listed = (await listAudit(ctx, { limit: 200 })).events;
  const exported = await text((await exportAudit(ctx, { format: "csv" })).stream);
  const written = await text(rowStream((async function* () { yield listed; })(), "csv", AUDIT_COLUMNS, { key: "events", head: {} }));
  // The export's own event is the newest line: it was recorded before the rows were read.
  const lines = exported.split("\r\n");
  assert.match(lines[1], /"audit export"/);
  assert.equal([lines[0], ...lines.slice(2)].join("\r\n"), written);
});
