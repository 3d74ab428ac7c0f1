import "server-only";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { databaseKind, dataDirectory } from "../db/location";
import { SHARED_SECRET_NEEDED } from "../settings";

/**
 * AUTH_SECRET from the environment, or one generated on first start and kept (0600) in the data
 * folder, so that a restart keeps sessions valid without any configuration. Not on PostgreSQL: there
 * several instances must sign with one secret, which only the environment can give them all.
 */
export function authSecret(): string {
  const fromEnv = process.env.AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  if (databaseKind() === "postgresql") throw new Error(`AUTH_SECRET is not set: ${SHARED_SECRET_NEEDED}.`);
  const dir = dataDirectory();
  const file = path.join(dir, "auth-secret");
  // Read before writing: on read-only storage an existing secret must still be usable (decision 0034).
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, randomBytes(48).toString("base64url"), { flag: "wx", mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  process.env.AUTH_SECRET = secret;
  return secret;
}
