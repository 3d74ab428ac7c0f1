import { test } from "node:test";
import assert from "node:assert/strict";
import { readSettings } from "./settings";

test("BROWSER_SIGNING is on unless set to off; any other value stops the server with its name", () => {
  assert.equal(readSettings({}).BROWSER_SIGNING, "on");
  assert.equal(readSettings({ BROWSER_SIGNING: "on" }).BROWSER_SIGNING, "on");
  assert.equal(readSettings({ BROWSER_SIGNING: "off" }).BROWSER_SIGNING, "off");
  for (const bad of ["disabled", "OFF", "0", ""]) assert.throws(() => readSettings({ BROWSER_SIGNING: bad }), /BROWSER_SIGNING: must be "on" or "off"/, bad);
});
