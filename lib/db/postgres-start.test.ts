import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";

test("npm start with a PostgreSQL URL and no AUTH_SECRET stops before touching the database, and says why", () => {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: "postgresql://console@127.0.0.1:1/console", NODE_ENV: "production" };
  delete env.AUTH_SECRET;
  const run = spawnSync(process.execPath, ["scripts/start.mjs"], { env, encoding: "utf8", timeout: 30_000 });
  assert.equal(run.status, 1, run.stdout + run.stderr);
  assert.match(run.stderr, /The console did not start: AUTH_SECRET is not set\. With a PostgreSQL DATABASE_URL set AUTH_SECRET, the same value on every instance: .*reject each other's sessions\. Make one with: openssl rand -base64 48/);
  assert.doesNotMatch(run.stdout + run.stderr, /migrat|Can't reach/i);
});

test("a DATABASE_URL of another kind stops npm start with what it must look like", () => {
  const run = spawnSync(process.execPath, ["scripts/start.mjs"], { env: { ...process.env, DATABASE_URL: "mysql://db/console" }, encoding: "utf8", timeout: 30_000 });
  assert.notEqual(run.status, 0);
  assert.doesNotMatch(run.stderr, /    at /, "no stack trace");
  assert.match(run.stderr, /The console did not start: DATABASE_URL must be a SQLite file URL \(file:\.\/data\/console\.db\) or a PostgreSQL URL \(postgresql:\/\/user@host:5432\/console\)/);
});
