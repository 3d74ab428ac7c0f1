import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { createRequire } from "node:module";
import path from "node:path";
import { databaseFile, databaseKind, databaseUrl } from "./location";
import { oneAtATime } from "./one-at-a-time";
import { postgresAdapter } from "./postgres-adapter";
import { SQLITE_BUSY_TIMEOUT_MS, sqlitePragmas, sqliteSyncSetting } from "./sqlite-settings";

// Password hashes are left out of every query unless one asks for them by name.
const omit = { user: { passwordHash: true } } as const;

function sqliteClient() {
  const adapter = oneAtATime(new PrismaBetterSQLite3({ url: databaseFile(), timeout: SQLITE_BUSY_TIMEOUT_MS }), sqlitePragmas(sqliteSyncSetting()));
  // Transactions wait their turn in the queue (decision 0030) up to 10 s instead of Prisma's 2 s, so a busy
  // moment queues rather than fails; one that holds the queue for over 15 s is rolled back so it cannot stall everyone.
  return new PrismaClient({ adapter, omit, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
}

type Client = ReturnType<typeof sqliteClient>;

/**
 * The client generated from prisma/postgresql/schema.prisma (node_modules/.prisma/postgresql-client). Its API is
 * the SQLite client's plus a few PostgreSQL-only options (lib/db/schemas.test.ts checks that), so the app keeps
 * one set of types. Loaded at run time from the app's folder, beside the default client, not bundled.
 */
function postgresClient(): Client {
  const load = createRequire(path.join(/*turbopackIgnore: true*/ process.cwd(), "package.json"));
  const { PrismaClient: PostgresPrismaClient } = load("./node_modules/.prisma/postgresql-client") as { PrismaClient: typeof PrismaClient };
  // Instances wait on each other through row locks, not a queue: the same limits, for the same reason.
  return new PostgresPrismaClient({ adapter: postgresAdapter(databaseUrl()), omit, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
}

const createClient = (): Client => (databaseKind() === "postgresql" ? postgresClient() : sqliteClient());

const globalForPrisma = globalThis as unknown as { consolePrisma?: Client };

export const db: Client = globalForPrisma.consolePrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.consolePrisma = db;

export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];
export type Db = Client | Tx;
