import assert from "node:assert/strict";
import { OpError } from "../errors";

/** The operation was refused as the user would see it: an expected error, its status and its words. */
export async function refused(promise: Promise<unknown>, status: number, message: RegExp): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof OpError, `expected an OpError, got ${e}`);
    assert.match(e.message, message);
    assert.equal(e.status, status, e.message);
    return true;
  });
}
