// `npm run backup -- --out FILE`: a consistent copy of the SQLite database, safe while the console serves
// and writes (SQLite's online backup API). For PostgreSQL use pg_dump (README, "Operating it").
import { parseArgs } from "node:util";
import { backupDatabase } from "../lib/db/backup";
import { databaseFile } from "../lib/db/location";

async function main() {
  const { values } = parseArgs({ options: { out: { type: "string" } }, strict: true });
  if (!values.out) throw new Error("Name the backup file: npm run backup -- --out /backups/console-$(date +%F).db");
  const source = databaseFile();
  const t = performance.now();
  const done = await backupDatabase(source, values.out);
  console.log(`Backed up ${source} to ${values.out}: ${done.pages} pages, ${done.bytes} bytes, in ${Math.round(performance.now() - t)} ms. Integrity check: ok.`);
}

main().catch((e) => {
  console.error(`backup stopped: ${(e as Error).message}`);
  process.exit(1);
});
