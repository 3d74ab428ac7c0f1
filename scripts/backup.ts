// `npm run backup -- --out FILE`: a consistent copy of the database, safe while the console serves and
// writes: SQLite's online backup API for the file, pg_dump for PostgreSQL (decision 0102).
import { parseArgs } from "node:util";
import { databaseKind, databaseUrl } from "../lib/db/location";

async function main() {
  const { values } = parseArgs({ options: { out: { type: "string" } }, strict: true });
  if (!values.out) throw new Error("Name the backup file: npm run backup -- --out /backups/console-$(date +%F).db");
  const t = performance.now();
  if (databaseKind() === "postgresql") {
    const { backupPostgres } = await import("../lib/db/pg-dump");
    const done = backupPostgres(databaseUrl(), values.out);
    console.log(`Backed up the PostgreSQL database to ${values.out} with pg_dump (custom format): ${done.bytes} bytes, in ${Math.round(performance.now() - t)} ms. Restore it with pg_restore into an empty database.`);
    return;
  }
  const { backupDatabase } = await import("../lib/db/backup");
  const { databaseFile } = await import("../lib/db/location");
  const source = databaseFile();
  const done = await backupDatabase(source, values.out);
  console.log(`Backed up ${source} to ${values.out}: ${done.pages} pages, ${done.bytes} bytes, in ${Math.round(performance.now() - t)} ms. Integrity check: ok.`);
}

main().catch((e) => {
  console.error(`backup stopped: ${(e as Error).message}`);
  process.exit(1);
});
