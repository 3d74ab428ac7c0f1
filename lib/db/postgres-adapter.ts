import { PrismaPg } from "@prisma/adapter-pg";
import { randomBytes } from "node:crypto";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

/** The stock pg adapter for DATABASE_URL (postgres:// or postgresql://); the app uses it as it is. */
export function postgresAdapter(url: string): PrismaPg {
  // Each instance holds at most POSTGRES_POOL_SIZE connections (default 10): size max_connections for all of them.
  const max = Number(process.env.POSTGRES_POOL_SIZE) || 10;
  return new PrismaPg({ connectionString: url, max });
}

// PostgreSQL's catalog types `name` (oid 19) and `"char"` (oid 18), which the schema engine reads while
// migrating, are text to us. @prisma/adapter-pg 6.19.3 refuses them (prisma/orm#27403); only `prisma migrate` needs this.
const CATALOG_TEXT_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

type PerformIO = { performIO(q: unknown): Promise<{ fields: { dataTypeID: number }[] }> };

function nameAsText<T extends object>(queryable: T): T {
  const q = queryable as unknown as PerformIO;
  const inner = q.performIO.bind(q);
  q.performIO = async (query) => {
    const result = await inner(query);
    for (const f of result.fields) if (CATALOG_TEXT_OIDS.has(f.dataTypeID)) f.dataTypeID = TEXT_OID;
    return result;
  };
  return queryable;
}

type WithClient = { client: { query(sql: string): Promise<unknown> }; onError(e: unknown): never };

function fixed(adapter: SqlDriverAdapter): SqlDriverAdapter {
  nameAsText(adapter);
  // The stock executeScript splits a script at every ";", which cuts a function body ($$ … $$, migration
  // 0008) apart. pg sends a script without parameters as one simple query, which PostgreSQL runs whole.
  const inner = adapter as unknown as WithClient;
  adapter.executeScript = async (script) => {
    try {
      await inner.client.query(script);
    } catch (e) {
      inner.onError(e);
    }
  };
  const start = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (level) => nameAsText<Transaction>(await start(level));
  return adapter;
}

/**
 * The pg adapter for `prisma migrate` (prisma.postgresql.config.ts). Only `migrate deploy` and `migrate diff`
 * are used on PostgreSQL: new migrations are made on SQLite and ported by scripts/postgres-schema.mjs.
 */
export function migrationAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPg({ connectionString: url, max: 2, allowExitOnIdle: true });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => fixed(await factory.connect()),
    connectToShadowDb: () => shadowDatabase(url),
  };
}

/**
 * A scratch database for `prisma migrate diff --from-migrations` (the drift test), dropped when Prisma lets go
 * of it. The stock factory's shadow database is given by a connection string, which names the main database
 * again (prisma/orm#27403's neighbours): here host, port and user are separate fields, and the DROP is FORCEd
 * because the pool may still be closing its connections.
 */
async function shadowDatabase(url: string): Promise<SqlDriverAdapter> {
  const u = new URL(url);
  const admin = await new PrismaPg({ connectionString: url, max: 1, allowExitOnIdle: true }).connect();
  const database = `prisma_shadow_${randomBytes(8).toString("hex")}`;
  await admin.executeScript(`CREATE DATABASE "${database}"`);
  const shadow = fixed(
    await new PrismaPg({
      host: u.hostname,
      port: Number(u.port || 5432),
      user: decodeURIComponent(u.username) || undefined,
      password: decodeURIComponent(u.password) || undefined,
      database,
      max: 2,
      allowExitOnIdle: true,
    }).connect(),
  );
  // The engine sends each migration to the shadow database as one parameterless query; the pg adapter cannot
  // read the several results a script gives, so a script (a `;` with more after it) runs as a script.
  const script = (q: { sql: string; args: unknown[] }) => q.args.length === 0 && /;\s*\S/.test(q.sql);
  const [query, execute] = [shadow.queryRaw.bind(shadow), shadow.executeRaw.bind(shadow)];
  shadow.queryRaw = async (q) => (script(q) ? (await shadow.executeScript(q.sql), { columnNames: [], columnTypes: [], rows: [] }) : query(q));
  shadow.executeRaw = async (q) => (script(q) ? (await shadow.executeScript(q.sql), 0) : execute(q));
  const dispose = shadow.dispose.bind(shadow);
  shadow.dispose = async () => {
    await dispose();
    await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.dispose();
  };
  return shadow;
}
