import "../testing/db";
import assert from "node:assert/strict";
import { setImmediate as tick } from "node:timers/promises";
import test from "node:test";
import { db } from "./client";

// The attack on the data layer (issue 8, item 1): a transaction that is rolled back must take only its own
// writes with it, and nobody outside it may see them before it ends.

const ROUNDS = 200;
const row = (key: string) => ({ key, windowStart: new Date(), count: 1 });

test("a rolled-back transaction never erases a write acknowledged outside it", async () => {
  const lost: string[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const inside = `inside-${i}`;
    const outside = `outside-${i}`;
    const failing = db
      .$transaction(async (tx) => {
        await tx.rateLimit.create({ data: row(inside) });
        await tick();
        await tick();
        throw new Error("roll back");
      })
      .catch(() => undefined);
    await tick();
    await db.rateLimit.create({ data: row(outside) }); // acknowledged here
    await failing;
    if (!(await db.rateLimit.findUnique({ where: { key: outside } }))) lost.push(outside);
    assert.equal(await db.rateLimit.findUnique({ where: { key: inside } }), null);
  }
  assert.deepEqual(lost, []);
});

test("nobody outside a transaction sees its rows before it commits, nor after it rolls back", async () => {
  const dirty: string[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const inside = `dirty-${i}`;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const failing = db
      .$transaction(async (tx) => {
        await tx.rateLimit.create({ data: row(inside) });
        await Promise.race([held, tick().then(tick)]);
        throw new Error("roll back");
      })
      .catch(() => undefined);
    await tick();
    const seen = await db.rateLimit.findUnique({ where: { key: inside } });
    if (seen) dirty.push(inside);
    release();
    await failing;
  }
  assert.deepEqual(dirty, []);
});

test("outside reads and writes interleaved with committing transactions all land, in order", async () => {
  const keys: string[] = [];
  await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      i % 2
        ? db.$transaction(async (tx) => {
            await tx.rateLimit.create({ data: row(`tx-${i}`) });
            await tick();
            keys.push(`tx-${i}`);
          })
        : db.rateLimit.create({ data: row(`plain-${i}`) }).then(() => keys.push(`plain-${i}`)),
    ),
  );
  const stored = await db.rateLimit.count({ where: { OR: [{ key: { startsWith: "tx-" } }, { key: { startsWith: "plain-" } }] } });
  assert.equal(stored, 50);
  assert.equal(keys.length, 50);
});
