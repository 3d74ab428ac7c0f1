// Keeps the PostgreSQL schema and migrations in step with the SQLite ones (docs/decisions/0101).
//
// prisma/schema.prisma is the one model source. Prisma cannot take `provider` from env(), so this writes
// prisma/postgresql/schema.prisma: the same models under a PostgreSQL datasource and a generator of its own.
// Each SQLite migration has a PostgreSQL twin of the same name; a new one is written here as the difference
// between the previous PostgreSQL schema (the file as it was) and the new one. Run it after every
// `prisma migrate dev`:  node scripts/postgres-schema.mjs      (`--check`: fail, change nothing, if out of step)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startCluster } from "./postgres-cluster.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SQLITE_SCHEMA = path.join(root, "prisma", "schema.prisma");
export const POSTGRES_DIR = path.join(root, "prisma", "postgresql");
export const POSTGRES_SCHEMA = path.join(POSTGRES_DIR, "schema.prisma");
export const SQLITE_MIGRATIONS = path.join(root, "prisma", "migrations");
export const POSTGRES_MIGRATIONS = path.join(POSTGRES_DIR, "migrations");

const HEADER = `// GENERATED from prisma/schema.prisma by scripts/postgres-schema.mjs: edit that file, then run the script.
// The same models on PostgreSQL, for deployments with several console instances (docs/decisions/0101).
generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["driverAdapters"]
  engineType      = "client"
  output          = "../../node_modules/.prisma/postgresql-client"
}

datasource db {
  provider = "postgresql"
  // The pg adapter connects to DATABASE_URL (lib/db); this literal keeps \`prisma generate\` offline.
  url      = "postgresql://localhost/placeholder"
}
`;

/** The PostgreSQL schema text for the current model source. */
export function postgresSchemaText(sqlite = fs.readFileSync(SQLITE_SCHEMA, "utf8")) {
  const firstModel = sqlite.search(/^(\/\/\/.*\n)*(model|enum) /m);
  if (firstModel < 0) throw new Error("prisma/schema.prisma has no models.");
  const models = sqlite.slice(firstModel);
  if (/@db\./.test(models)) throw new Error("Native types (@db.…) are provider-specific: keep the model source portable.");
  return `${HEADER}\n${models}`;
}

export const migrationNames = (dir) =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];

/** What is out of step, in words; empty when both providers agree. */
export function problems() {
  const out = [];
  const current = fs.existsSync(POSTGRES_SCHEMA) ? fs.readFileSync(POSTGRES_SCHEMA, "utf8") : "";
  if (current !== postgresSchemaText()) out.push("prisma/postgresql/schema.prisma differs from what prisma/schema.prisma generates.");
  const sqlite = migrationNames(SQLITE_MIGRATIONS);
  const postgres = migrationNames(POSTGRES_MIGRATIONS);
  const missing = sqlite.filter((m) => !postgres.includes(m));
  const extra = postgres.filter((m) => !sqlite.includes(m));
  if (missing.length) out.push(`SQLite migrations without a PostgreSQL twin: ${missing.join(", ")}.`);
  if (extra.length) out.push(`PostgreSQL migrations without a SQLite twin: ${extra.join(", ")}.`);
  return out;
}

/** `prisma migrate diff` between two PostgreSQL schemas: the wasm engine wants a live database, so a private one. */
async function diffScript(from, to) {
  const cluster = await startCluster();
  try {
    const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
    const args = ["migrate", "diff", "--config", "prisma.postgresql.config.ts", ...from, "--to-schema-datamodel", to, "--script"];
    return execFileSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, DATABASE_URL: cluster.url() } });
  } finally {
    cluster.stop();
  }
}

/** Writes the PostgreSQL schema and a twin for each new SQLite migration. */
export async function sync() {
  const before = fs.existsSync(POSTGRES_SCHEMA) ? fs.readFileSync(POSTGRES_SCHEMA, "utf8") : null;
  const after = postgresSchemaText();
  const missing = migrationNames(SQLITE_MIGRATIONS).filter((m) => !migrationNames(POSTGRES_MIGRATIONS).includes(m));
  if (missing.length > 1) throw new Error(`Several SQLite migrations lack a PostgreSQL twin (${missing.join(", ")}): add them one at a time (check out each, run this script).`);
  if (before !== after && before !== null && missing.length === 0) {
    throw new Error("The models changed but there is no new SQLite migration: run `npx prisma migrate dev --name …` first, then this script.");
  }
  fs.mkdirSync(POSTGRES_DIR, { recursive: true });
  if (missing.length === 1) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hsm-console-schema-"));
    try {
      const from = before === null ? ["--from-empty"] : ["--from-schema-datamodel", path.join(tmp, "before.prisma")];
      if (before !== null) fs.writeFileSync(path.join(tmp, "before.prisma"), before);
      fs.writeFileSync(path.join(tmp, "after.prisma"), after);
      const sql = await diffScript(from, path.join(tmp, "after.prisma"));
      const dir = path.join(POSTGRES_MIGRATIONS, missing[0]);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "migration.sql"), `-- The PostgreSQL twin of prisma/migrations/${missing[0]} (scripts/postgres-schema.mjs).\n${sql}`);
      console.log(`Wrote prisma/postgresql/migrations/${missing[0]}/migration.sql: review it and commit it with the SQLite one.`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  fs.mkdirSync(POSTGRES_MIGRATIONS, { recursive: true });
  fs.writeFileSync(path.join(POSTGRES_MIGRATIONS, "migration_lock.toml"), `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n`);
  fs.writeFileSync(POSTGRES_SCHEMA, after);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--check")) {
    const found = problems();
    if (found.length) {
      console.error(`The PostgreSQL schema is out of step:\n- ${found.join("\n- ")}\nRun: node scripts/postgres-schema.mjs`);
      process.exit(1);
    }
  } else {
    try {
      await sync();
    } catch (e) {
      console.error(e.message);
      process.exit(1);
    }
  }
}
