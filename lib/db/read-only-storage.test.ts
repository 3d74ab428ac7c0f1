import { onPostgres, testDatabaseFile } from "../testing/db";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { findActiveSession } from "../auth/sessions";
import { advanceClockForTests } from "../clock";
import { refused } from "../testing/assertions";
import { makeCluster, signedIn, snapshot } from "../testing/fixtures";
import { listUsers } from "../users/list";
import { createUser } from "../users/create";
import { writeProblem } from "../../scripts/migrate.mjs";

// Issue 8, item 4: the data folder turns read-only (a remount after a disk error) or fills up. Made real here
// with the immutable flag on the folder and its files (the database and its WAL; not the shared-memory file,
// which SQLite has mapped: a mapped page that cannot be written is a SIGBUS), as a read-only mount does.
const folder = path.dirname(testDatabaseFile);
const canFreeze = !onPostgres && spawnSync("chattr", ["-i", folder]).status === 0;
const freeze = (on: boolean) => {
  const files = fs.readdirSync(folder).filter((f) => !f.endsWith("-shm")).map((f) => path.join(folder, f));
  execFileSync("chattr", [on ? "+i" : "-i", ...(on ? [...files, folder] : [folder, ...files])]);
};

test("with read-only storage, sessions and reads keep working, every write is refused plainly, and start-up says so", { skip: onPostgres ? "SQLite only: a read-only folder stops SQLite's journal; PostgreSQL's storage is its server's (25006/53xxx map to the same refusal, storage-errors.ts)" : canFreeze ? false : "chattr is not available (needs root on a filesystem with attributes)" }, async () => {
  const { clusterId, admin } = await makeCluster();
  const ctx = await signedIn(clusterId, admin, "browser");
  assert.equal(await writeProblem(testDatabaseFile), null);
  const before = await snapshot();
  freeze(true);
  try {
    advanceClockForTests(10 * 60_000); // the session's last-seen time is due for a refresh, which cannot be written
    const actor = await findActiveSession({ id: ctx.actor.sessionId, kind: "browser" });
    assert.equal(actor?.sessionId, ctx.actor.sessionId);
    const users = await listUsers(ctx, {});
    assert.ok(users.users.length >= 1);
    await refused(createUser(ctx, { username: "while_frozen", role: "crypto-user", password: "a long password" }), 503, /cannot be written right now: its storage is read-only or full\. Nothing was changed/);
    assert.match((await writeProblem(testDatabaseFile)) ?? "", /SQLITE_CANTOPEN|SQLITE_READONLY/);
  } finally {
    freeze(false);
  }
  assert.deepEqual(await snapshot(), before);
  await createUser(ctx, { username: "after_thaw", role: "crypto-user", password: "a long password" });
});
