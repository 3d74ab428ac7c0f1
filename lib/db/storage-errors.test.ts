import { onPostgres } from "../testing/db";
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "./client";
import { isStorageError } from "./storage-errors";

test("PostgreSQL: a write refused as read-only (25006) is a storage error, so the console answers it with the storage message", { skip: !onPostgres && "PostgreSQL only: SQLite's read-only storage is read-only-storage.test.ts" }, async () => {
  const refused = await db
    .$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
      await tx.rateLimit.create({ data: { key: "read-only probe", windowStart: new Date(), count: 1 } });
    })
    .then(() => null, (e: unknown) => e);
  assert.ok(refused, "the write went through a read-only transaction");
  assert.equal(isStorageError(refused), true, String(refused));
  assert.equal(await db.rateLimit.findUnique({ where: { key: "read-only probe" } }), null);
});
