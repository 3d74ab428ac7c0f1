import "server-only";
import fs from "node:fs";
import path from "node:path";
import { db } from "./client";
import { databaseKind } from "./location";
import { appliedMigrations } from "./raw-sql";

export type Readiness = { ready: true } | { ready: false; reason: string; detail: string };

/** The migrations this build ships for the database in use (prisma/migrations or prisma/postgresql/migrations). */
function shippedMigrations(): string[] {
  const folder = databaseKind() === "postgresql" ? ["prisma", "postgresql", "migrations"] : ["prisma", "migrations"];
  const dir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), ...folder);
  return fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
}

/**
 * Reachable, every shipped migration applied, and a real write committed: a read-only file system or
 * folder (where SQLite cannot create its journal) fails the write, not the read. `reason` is what the
 * probe answers; `detail` is for the log only.
 */
export async function checkReadiness(): Promise<Readiness> {
  let applied: string[];
  try {
    applied = await appliedMigrations();
  } catch (e) {
    return { ready: false, reason: "database unreachable", detail: (e as Error).message };
  }
  const pending = shippedMigrations().filter((m) => !applied.includes(m));
  if (pending.length) return { ready: false, reason: `migrations not applied (${pending.length} pending)`, detail: pending.join(", ") };
  try {
    const at = new Date();
    await db.readinessCheck.upsert({ where: { id: "probe" }, create: { id: "probe", checkedAt: at }, update: { checkedAt: at } });
  } catch (e) {
    return { ready: false, reason: "database not writable", detail: (e as Error).message };
  }
  return { ready: true };
}
