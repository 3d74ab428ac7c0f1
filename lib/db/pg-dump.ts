import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * `npm run backup` on PostgreSQL: pg_dump in its custom format, one consistent snapshot taken while the
 * instances serve. pg_dump must be the server's major version or newer (Debian: postgresql-client-NN).
 * Restore it with pg_restore into an empty database (README, "Several instances on PostgreSQL").
 */
export function backupPostgres(url: string, out: string): { bytes: number } {
  if (fs.existsSync(out)) throw new Error(`${out} exists already; give a new file name (a backup never overwrites).`);
  if (!fs.existsSync(path.dirname(path.resolve(out)))) throw new Error(`The folder of ${out} does not exist.`);
  const partial = `${out}.partial`;
  // The URL goes in the environment, not argv, so its password does not show in the process list.
  const env = { ...process.env, PGDATABASE: url };
  const run = spawnSync(process.env.PG_DUMP || "pg_dump", ["--format=custom", "--no-owner", "--file", partial, "--dbname", url], { env, encoding: "utf8" });
  if (run.error && (run.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new Error("pg_dump is not installed here. Install PostgreSQL's client tools (Debian: apt-get install postgresql-client), or back up the database with your PostgreSQL provider's own backups.");
  }
  if (run.status !== 0) {
    fs.rmSync(partial, { force: true });
    throw new Error(`pg_dump failed: ${(run.stderr || run.error?.message || "").trim().replace(url, "DATABASE_URL")}`);
  }
  fs.renameSync(partial, out);
  return { bytes: fs.statSync(out).size };
}
