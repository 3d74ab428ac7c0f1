import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseFile } from "./lib/db/location";

// Prisma 6.19's wasm schema engine talks to SQLite through the driver adapter: migrations run offline.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    const file = databaseFile();
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    return new PrismaBetterSQLite3({ url: file });
  },
});
