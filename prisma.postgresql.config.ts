import path from "node:path";
import { defineConfig } from "prisma/config";

// `prisma … --config prisma.postgresql.config.ts`: migrations on PostgreSQL, through the pg driver
// adapter and Prisma's wasm schema engine (offline). scripts/migrate.mjs picks this file for postgres URLs.
export default defineConfig({
  schema: path.join("prisma", "postgresql", "schema.prisma"),
  migrations: { path: path.join("prisma", "postgresql", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const { migrationAdapter } = await import("./lib/db/postgres-adapter");
    const url = process.env.DATABASE_URL?.trim() ?? "";
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error("DATABASE_URL must be a postgresql:// URL for this config.");
    return migrationAdapter(url);
  },
});
