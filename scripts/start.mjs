// `npm start`: migrate the embedded database, build when the sources changed, then serve.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfStale } from "./build.mjs";
import { migrate } from "./migrate.mjs";
import { serve } from "./server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");

const file = migrate();
console.log(`Database: ${file}`);
if (!dev) {
  process.env.NODE_ENV = "production";
  buildIfStale();
}
await serve({ dev, dir: root });
