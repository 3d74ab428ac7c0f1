// `npm start`: migrate the embedded database, build when the sources changed, then serve.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfStale } from "./build.mjs";
import { databaseFile, migrate, writeProblem } from "./migrate.mjs";
import { serve } from "./server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");

const file = await migrateOrExplain();
console.log(`Database: ${file}`);
const problem = await writeProblem(file);
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

/** Migrations need a writable database; a read-only one that is already up to date can still be served. */
async function migrateOrExplain() {
  try {
    return migrate();
  } catch (e) {
    const problem = await writeProblem();
    if (!problem) throw e;
    console.warn(`Migrations could not run: the database is not writable (${problem}). Serving it as it is.`);
    return databaseFile();
  }
}
