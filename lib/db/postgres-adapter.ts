import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

/** The stock pg adapter for DATABASE_URL (postgres:// or postgresql://); the app uses it as it is. */
export function postgresAdapter(url: string): PrismaPg {
  // Each instance holds at most POSTGRES_POOL_SIZE connections (default 10): size max_connections for all of them.
  const max = Number(process.env.POSTGRES_POOL_SIZE) || 10;
  return new PrismaPg({ connectionString: url, max });
}

// PostgreSQL's catalog type `name` (oid 19), which the schema engine reads while migrating, is text to us.
// @prisma/adapter-pg 6.19.3 refuses it (prisma/orm#27403); only `prisma migrate` needs this.
const NAME_OID = 19;
const TEXT_OID = 25;

type PerformIO = { performIO(q: unknown): Promise<{ fields: { dataTypeID: number }[] }> };

function nameAsText<T extends object>(queryable: T): T {
  const q = queryable as unknown as PerformIO;
  const inner = q.performIO.bind(q);
  q.performIO = async (query) => {
    const result = await inner(query);
    for (const f of result.fields) if (f.dataTypeID === NAME_OID) f.dataTypeID = TEXT_OID;
    return result;
  };
  return queryable;
}

function fixed(adapter: SqlDriverAdapter): SqlDriverAdapter {
  nameAsText(adapter);
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
    connectToShadowDb: async () => fixed(await factory.connectToShadowDb()),
  };
}
