import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { databaseFile } from "./location";
import { oneAtATime } from "./one-at-a-time";
import { SQLITE_BUSY_TIMEOUT_MS, sqlitePragmas, sqliteSyncSetting } from "./sqlite-settings";

function createClient() {
  const adapter = oneAtATime(new PrismaBetterSQLite3({ url: databaseFile(), timeout: SQLITE_BUSY_TIMEOUT_MS }), sqlitePragmas(sqliteSyncSetting()));
  // Password hashes are left out of every query unless one asks for them by name. Transactions wait their
  // turn in the queue (decision 0030) up to 10 s instead of Prisma's 2 s, so a busy moment queues rather
  // than fails; one that holds the queue for over 15 s is rolled back so it cannot stall everyone.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } }, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
}

type Client = ReturnType<typeof createClient>;
const globalForPrisma = globalThis as unknown as { consolePrisma?: Client };

export const db: Client = globalForPrisma.consolePrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.consolePrisma = db;

export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];
export type Db = Client | Tx;
