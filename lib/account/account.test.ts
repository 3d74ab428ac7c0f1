import "../testing/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { loginWithPassword } from "../auth/login";
import { findActiveSession } from "../auth/sessions";
import { db } from "../db/client";
import { makeCluster, makeUser, meta, PASSWORD, signedIn, snapshot } from "../testing/fixtures";
import { endOwnSession } from "./end-session";
import { mySessions, mySignIns } from "./sessions";
import { refused } from "../testing/assertions";

test("a user sees their own open sessions and sign-ins, and ends another of their sessions", async () => {
  const { clusterId } = await makeCluster();
  const me = await makeUser(clusterId);
  await assert.rejects(loginWithPassword({ actor: null, meta }, { cluster_id: clusterId, username: me.username, password: "wrong password" }, "api"));
  const other = await loginWithPassword({ actor: null, meta: { ip: "198.51.100.9", userAgent: "curl/8" } }, { cluster_id: clusterId, username: me.username, password: PASSWORD }, "api");
  assert.ok(!other.mfaRequired);
  const sessions = await mySessions(me.ctx);
  assert.deepEqual(sessions.map((s) => [s.id, s.current]).sort(), [[me.ctx.actor.sessionId, true], [other.session.id, false]].sort());
  assert.deepEqual((await mySignIns(me.ctx)).map((s) => [s.outcome, s.ip]), [["success", "198.51.100.9"], ["failure", meta.ip]]);

  assert.deepEqual(await endOwnSession(me.ctx, { session_id: other.session.id }), { session_id: other.session.id });
  assert.equal(await findActiveSession({ token: other.session.token, kind: "api" }), null);
  assert.deepEqual((await mySessions(me.ctx)).map((s) => s.id), [me.ctx.actor.sessionId]);
  const event = await db.auditEvent.findFirstOrThrow({ where: { chain: clusterId, operation: "session end" } });
  assert.deepEqual([event.outcome, event.target, JSON.parse(event.before!).session], ["success", me.username, other.session.id]);
});

test("nobody can end someone else's session, nor their own current one, and a refusal changes nothing", async () => {
  const { clusterId, ctx: adminCtx } = await makeCluster();
  const victim = await makeUser(clusterId);
  const attacker = await makeUser(clusterId);
  const otherCluster = await makeCluster();
  const before = await snapshot();
  await refused(endOwnSession(attacker.ctx, { session_id: victim.ctx.actor.sessionId }), 404, /You have no open session with that id/);
  await refused(endOwnSession(adminCtx, { session_id: victim.ctx.actor.sessionId }), 404, /You have no open session with that id/);
  await refused(endOwnSession(otherCluster.ctx, { session_id: victim.ctx.actor.sessionId }), 404, /no open session/);
  await refused(endOwnSession(victim.ctx, { session_id: victim.ctx.actor.sessionId }), 409, /session you are using now; sign out/);
  await refused(endOwnSession(victim.ctx, {}), 400, /Give the session_id/);
  await refused(endOwnSession(victim.ctx, { session_id: "x", extra: 1 }), 400, /Unknown field: extra/);
  assert.equal(await snapshot(), before);
  const second = await signedIn(clusterId, victim.username);
  await endOwnSession(second, { session_id: victim.ctx.actor.sessionId });
  assert.equal(await db.session.count({ where: { id: victim.ctx.actor.sessionId, revokedAt: null } }), 0);
});
