// `npm run restore -- --from FILE`: puts a backup in place of the database (DATABASE_URL), refusing while
// a console server holds it. The next `npm start` applies any migrations newer than the backup.
import { parseArgs } from "node:util";
import { databaseFile, databaseKind } from "../lib/db/location";
import { restoreDatabase } from "../lib/db/restore";
import { lockFileOf, serverHolding } from "./server-lock.mjs";

async function main() {
  const { values } = parseArgs({ options: { from: { type: "string" } }, strict: true });
  if (!values.from) throw new Error("Name the backup to restore: npm run restore -- --from /backups/console-2026-11-30.db");
  if (databaseKind() === "postgresql") {
    throw new Error(
      "DATABASE_URL names a PostgreSQL database; restore it with PostgreSQL's own tool. Stop every console instance, " +
        "create an empty database, run `pg_restore --no-owner --dbname <new database URL> " + values.from + "`, point " +
        "DATABASE_URL at it, run `npm run audit:verify`, then start the instances.",
    );
  }
  const target = databaseFile();
  const pid = serverHolding(target);
  if (pid) {
    throw new Error(`a console server (process ${pid}) is serving ${target}. Stop it first (SIGTERM), then restore. If no server runs, remove ${lockFileOf(target)}.`);
  }
  const { movedAside } = await restoreDatabase(values.from, target);
  console.log(`Restored ${values.from} to ${target}.`);
  for (const file of movedAside) console.log(`The previous file is kept as ${file}.`);
  console.log("Run `npm run audit:verify` to check the restored audit chains, then `npm start`.");
}

main().catch((e) => {
  console.error(`restore stopped: ${(e as Error).message}`);
  process.exit(1);
});
