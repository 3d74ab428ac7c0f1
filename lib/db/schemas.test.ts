import { onPostgres } from "../testing/db";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";

// One model source, two providers (decision 0101): these fail when the PostgreSQL side drifts from SQLite's.

test("prisma/postgresql/schema.prisma is what prisma/schema.prisma generates, and every migration has its PostgreSQL twin", () => {
  const check = spawnSync(process.execPath, ["scripts/postgres-schema.mjs", "--check"], { encoding: "utf8" });
  assert.equal(check.status, 0, check.stderr);
});

test("the PostgreSQL client's API is the SQLite client's plus PostgreSQL-only options, so lib/ keeps one set of types", () => {
  const lines = (dir: string) => fs.readFileSync(path.join("node_modules", ".prisma", dir, "index.d.ts"), "utf8").split("\n");
  const sqlite = lines("client");
  // PostgreSQL's `in`/`notIn` also take a list field reference: a wider type, not another one.
  const postgres = lines("postgresql-client").map((l) => l.replace(/ \| List\w+FieldRefInput<\$PrismaModel>/, ""));
  const runtime = /^import \* as runtime from '.*runtime\/client\.js';$/;
  const pgOnly = [
    /^\s*skipDuplicates\?: boolean$/,
    /^\s*(ReadUncommitted|ReadCommitted|RepeatableRead): '\w+',$/,
    /^\s*export const QueryMode: \{$/,
    /^\s*default: 'default',$/,
    /^\s*insensitive: 'insensitive'$/,
    /^\s*\};$/,
    /^\s*$/,
    /^\s*(\/\*\*|\*\/|\* .*)$/,
    /^\s*export type QueryMode = \(typeof QueryMode\)\[keyof typeof QueryMode\]$/,
    /^\s*mode\?: QueryMode$/,
    /^\s*export type List\w+FieldRefInput<\$PrismaModel> = FieldRefInputType<\$PrismaModel, '\w+\[\]'>$/,
  ];
  // Every SQLite line, in order, is in the PostgreSQL file; whatever else is there is a known PostgreSQL-only option.
  let j = 0;
  const extra: string[] = [];
  for (const line of sqlite) {
    while (j < postgres.length && postgres[j] !== line && !(runtime.test(line) && runtime.test(postgres[j]))) extra.push(postgres[j++]);
    assert.ok(j < postgres.length, `the PostgreSQL client lacks: ${line}`);
    j++;
  }
  extra.push(...postgres.slice(j));
  const unknown = extra.filter((l) => !pgOnly.some((re) => re.test(l)));
  assert.deepEqual(unknown, []);
});

test("PostgreSQL: its migrations, applied in order to an empty database, give exactly its schema", { skip: !onPostgres && "PostgreSQL only: it needs a server for the scratch database" }, () => {
  const cli = path.join("node_modules", "prisma", "build", "index.js");
  const preload = `--require ${path.resolve("scripts", "unref-long-timers.cjs")}`;
  const diff = spawnSync(
    process.execPath,
    [cli, "migrate", "diff", "--config", "prisma.postgresql.config.ts", "--from-migrations", "prisma/postgresql/migrations", "--to-schema-datamodel", "prisma/postgresql/schema.prisma", "--exit-code"],
    { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: preload } },
  );
  assert.equal(diff.status, 0, `${diff.stdout}${diff.stderr}`);
  assert.match(diff.stdout, /No difference detected/);
});
