import { test } from "node:test";
import assert from "node:assert/strict";
import { readSettings } from "./settings";

test("BROWSER_SIGNING is on unless set to off; any other value stops the server with its name", () => {
  assert.equal(readSettings({}).BROWSER_SIGNING, "on");
  assert.equal(readSettings({ BROWSER_SIGNING: "on" }).BROWSER_SIGNING, "on");
  assert.equal(readSettings({ BROWSER_SIGNING: "off" }).BROWSER_SIGNING, "off");
  for (const bad of ["disabled", "OFF", "0", ""]) assert.throws(() => readSettings({ BROWSER_SIGNING: bad }), /BROWSER_SIGNING: must be "on" or "off"/, bad);
});

test("a PostgreSQL DATABASE_URL without AUTH_SECRET stops the server and says why; SQLite generates its own", () => {
  for (const url of ["postgresql://console@db:5432/console", "postgres://db/console"]) {
    assert.throws(() => readSettings({ DATABASE_URL: url }), /AUTH_SECRET: set it \(the same value on every instance\) when DATABASE_URL is a PostgreSQL URL: .*reject each other's sessions/, url);
    assert.throws(() => readSettings({ DATABASE_URL: url, AUTH_SECRET: "  " }), /AUTH_SECRET: set it/, url);
    assert.doesNotThrow(() => readSettings({ DATABASE_URL: url, AUTH_SECRET: "x".repeat(48) }));
  }
  assert.doesNotThrow(() => readSettings({ DATABASE_URL: "file:./data/console.db" }));
  assert.doesNotThrow(() => readSettings({}));
});

test("SQLITE_SYNCHRONOUS is full unless set to normal; anything else stops the server with its name", () => {
  assert.equal(readSettings({}).SQLITE_SYNCHRONOUS, "full");
  assert.equal(readSettings({ SQLITE_SYNCHRONOUS: "NORMAL" }).SQLITE_SYNCHRONOUS, "normal");
  for (const bad of ["off", "0", "extra"]) assert.throws(() => readSettings({ SQLITE_SYNCHRONOUS: bad }), /SQLITE_SYNCHRONOUS: must be "full" or "normal"/, bad);
});
