// `npm run audit:archive -- [--before YYYY-MM-DD] [--dir DIR]`: retention. Moves each chain's events older
// than the date (default: AUDIT_RETENTION_DAYS ago) to JSON Lines files that stay verifiable with
// `npm run audit:verify -- --archive FILE`; the chain in the database continues from the archived hash.
import path from "node:path";
import { parseArgs } from "node:util";

async function main() {
  const { values } = parseArgs({ options: { before: { type: "string" }, dir: { type: "string" } }, strict: true });
  const { settings } = await import("../lib/settings");
  const { dataDirectory } = await import("../lib/db/location");
  const days = settings().AUDIT_RETENTION_DAYS;
  if (values.before && !/^\d{4}-\d{2}-\d{2}$/.test(values.before)) throw new Error("Give --before as YYYY-MM-DD (UTC).");
  if (!values.before && !days) throw new Error("Give --before YYYY-MM-DD, or set AUDIT_RETENTION_DAYS to the number of days of events to keep.");
  const before = values.before ? new Date(`${values.before}T00:00:00Z`) : new Date(Date.now() - days! * 86_400_000);
  const dir = path.resolve(values.dir ?? path.join(dataDirectory(), "audit-archive"));
  const { db } = await import("../lib/db/client");
  const { archiveChain } = await import("../lib/audit/archive");
  const chains = (await db.auditChainHead.findMany({ select: { chain: true } })).map((h) => h.chain).sort();
  for (const chain of chains) {
    const r = await archiveChain(chain, before, dir);
    console.log(r ? `Chain ${chain}: events #${r.fromSeq}–#${r.toSeq} archived to ${r.file} (SHA-256 ${r.sha256}).` : `Chain ${chain}: no events before ${before.toISOString()} left to archive.`);
  }
  process.exit(0);
}

main().catch((e) => {
  console.error(`audit:archive stopped: ${(e as Error).message}`);
  process.exit(1);
});
