import assert from "node:assert/strict";
import { test } from "node:test";
import { clientAddress } from "./meta";

// Issue 8, item 9: behind a proxy that appends to X-Forwarded-For, a client writes whatever it likes to the
// left of what the proxy adds. Only the entries the trusted proxies wrote may be believed.

test("with one trusted proxy, the address is the one that proxy appended, whatever the client wrote before it", () => {
  assert.equal(clientAddress("10.0.0.2", "203.0.113.9", 1), "203.0.113.9");
  assert.equal(clientAddress("10.0.0.2", "1.2.3.4, 203.0.113.9", 1), "203.0.113.9", "a forged leftmost entry is ignored");
  assert.equal(clientAddress("10.0.0.2", "1.2.3.4,5.6.7.8 , 203.0.113.9", 1), "203.0.113.9");
});

test("with two trusted proxies, the entry left of the inner proxy's", () => {
  assert.equal(clientAddress("10.0.0.2", "1.2.3.4, 198.51.100.4, 10.0.0.9", 2), "198.51.100.4");
  assert.equal(clientAddress("10.0.0.2", "198.51.100.4", 2), "198.51.100.4", "fewer entries than proxies: the leftmost");
});

test("without a trusted proxy, X-Forwarded-For is never read", () => {
  assert.equal(clientAddress("192.0.2.1", "1.2.3.4", 0), "192.0.2.1");
  assert.equal(clientAddress("192.0.2.1", null, 1), "192.0.2.1");
  assert.equal(clientAddress("192.0.2.1", " , ", 1), "192.0.2.1");
});
