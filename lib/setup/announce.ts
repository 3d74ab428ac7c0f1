import "server-only";
import { issueSetupTokenIfEmpty } from "./index";

/** On a first start with an empty database, prints the one-time link whose page creates the first cluster. */
export async function announceSetupLink(): Promise<void> {
  const token = await issueSetupTokenIfEmpty();
  if (!token) return;
  const base = process.env.PUBLIC_URL?.replace(/\/$/, "") || `http://localhost:${process.env.PORT || 3000}`;
  console.log(
    `\nNo cluster is configured yet. Open this one-time link to create the first cluster and its admin:\n\n  ${base}/setup/${token}\n\n(or run: npm run bootstrap -- --cluster-name NAME --hsms N --admin USERNAME)\n`,
  );
}
