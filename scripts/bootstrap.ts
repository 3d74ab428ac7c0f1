// `npm run bootstrap -- --cluster-name NAME --hsms N --admin USERNAME`: creates a cluster, its HSMs and
// its first admin. The password comes from BOOTSTRAP_ADMIN_PASSWORD or standard input, never from argv.
import { parseArgs } from "node:util";
import { envelope, readPassword } from "./cli-io";
import { migrate } from "./migrate.mjs";

async function main() {
  let args;
  try {
    args = parseArgs({ options: { "cluster-name": { type: "string" }, hsms: { type: "string" }, admin: { type: "string" } }, strict: true }).values;
  } catch (e) {
    envelope(1, `${(e as Error).message}. Usage: npm run bootstrap -- --cluster-name NAME --hsms N --admin USERNAME`);
  }
  migrate({ quiet: true });
  const password = await readPassword("BOOTSTRAP_ADMIN_PASSWORD", "Admin password");
  const { createClusterWithAdmin } = await import("../lib/clusters/create");
  const { OpError } = await import("../lib/errors");
  try {
    const result = await createClusterWithAdmin({ ip: "local", userAgent: "npm run bootstrap" }, { cluster_name: args["cluster-name"], hsms: args.hsms, admin: args.admin, password }, "bootstrap");
    envelope(0, result);
  } catch (e) {
    if (e instanceof OpError) {
      const flags: Record<string, string> = { cluster_name: "--cluster-name", hsms: "--hsms", admin: "--admin", password: "password" };
      const fields = Object.entries(e.details.fieldErrors ?? {});
      envelope(1, fields.length ? fields.map(([f, m]) => `${flags[f] ?? f}: ${m[0]}`).join(" ") : e.message);
    }
    throw e;
  }
}

main();
