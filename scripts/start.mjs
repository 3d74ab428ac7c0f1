// `npm start`: migrate the database, build when the sources changed, then serve.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfStale } from "./build.mjs";
import { databaseKind, databaseLabel, migrate, writeProblem } from "./migrate.mjs";
import { serve } from "./server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");

refuseWithoutSharedSecret();
const label = await migrateOrExplain();
console.log(`Database: ${label}`);
const problem = await writeProblem();
if (problem) {
  console.warn(
    `WARNING: the database cannot be written (${problem}). Its storage is read-only or full. The console serves ` +
      "pages and reads, and refuses every change with a clear message until the storage is writable again.",
  );
}
if (!dev) {
  process.env.NODE_ENV = "production";
  buildIfStale();
}
await serve({ dev, dir: root });

/** A DATABASE_URL of neither kind stops here; on PostgreSQL the instances must share one AUTH_SECRET. */
function refuseWithoutSharedSecret() {
  let kind;
  try {
    kind = databaseKind();
  } catch (e) {
    console.error(`The console did not start: ${e.message}`);
    process.exit(1);
  }
  if (kind !== "postgresql" || process.env.AUTH_SECRET?.trim()) return;
  console.error(
    "The console did not start: AUTH_SECRET is not set. With a PostgreSQL DATABASE_URL set AUTH_SECRET, the same " +
      "value on every instance: several instances share that database, and a secret each one generated for itself " +
      "would make them reject each other's sessions. Make one with: openssl rand -base64 48",
  );
  process.exit(1);
}

/** Migrations need a writable database; a read-only SQLite file that is already up to date can still be served. */
async function migrateOrExplain() {
  try {
    return migrate();
  } catch (e) {
    const problem = await writeProblem();
    if (!problem) throw e;
    console.warn(`Migrations could not run: the database is not writable (${problem}). Serving it as it is.`);
    return databaseLabel();
  }
}
