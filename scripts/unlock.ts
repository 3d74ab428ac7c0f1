// `npm run unlock -- --cluster-id ID --username NAME`: the way back when sign-in failures have locked
// every admin out. Run on the server: it sets a new password, unlocks the account, ends its sessions and
// writes an audit event. The password comes from UNLOCK_NEW_PASSWORD or standard input, never from argv.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { envelope, readPassword } from "./cli-io";
import { databaseFile, databaseKind } from "./migrate.mjs";

const USAGE = "Usage: UNLOCK_NEW_PASSWORD=… npm run unlock -- --cluster-id ID --username NAME (or type the password on standard input)";

async function main() {
  let args;
  try {
    args = parseArgs({ options: { "cluster-id": { type: "string" }, username: { type: "string" } }, strict: true }).values;
  } catch (e) {
    envelope(1, `${(e as Error).message}. ${USAGE}`);
  }
  const file = databaseKind() === "sqlite" ? databaseFile() : null;
  if (file && !fs.existsSync(file)) envelope(1, `There is no database at ${file}: set DATABASE_URL to the console's database file.`);
  const password = await readPassword("UNLOCK_NEW_PASSWORD", "New password");
  const { unlockUser } = await import("../lib/users/unlock");
  const { OpError } = await import("../lib/errors");
  try {
    envelope(0, await unlockUser({ ip: "local", userAgent: "npm run unlock" }, { cluster_id: args["cluster-id"], username: args.username, password }));
  } catch (e) {
    if (e instanceof OpError) {
      const flags: Record<string, string> = { cluster_id: "--cluster-id", username: "--username", password: "password" };
      const fields = Object.entries(e.details.fieldErrors ?? {});
      envelope(1, fields.length ? fields.map(([f, m]) => `${flags[f] ?? f}: ${m[0]}`).join(" ") : e.message);
    }
    envelope(1, (e as Error).message);
  }
}

main();
