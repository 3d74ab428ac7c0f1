import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { databaseFile } from "./location";
import { oneAtATime } from "./one-at-a-time";

function createClient() {
  const adapter = oneAtATime(new PrismaBetterSQLite3({ url: databaseFile(), timeout: 10_000 }));
  // Password hashes are left out of every query unless one asks for them by name.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

type Client = ReturnType<typeof createClient>;
const globalForPrisma = globalThis as unknown as { consolePrisma?: Client };

export const db: Client = globalForPrisma.consolePrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.consolePrisma = db;

export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];
export type Db = Client | Tx;
