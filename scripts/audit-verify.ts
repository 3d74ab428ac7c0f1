// `npm run audit:verify`: checks every audit hash chain offline, straight from the database, names the
// first broken event of each chain, stores the results (the overview shows them) and exits 1 if any broke.
// It does not migrate: the database is evidence, and is read as it is. `-- --archive FILE` checks archives.
// Each run checks every chain against the checkpoints earlier runs appended to AUDIT_CHECKPOINT_FILE
// (default <DATA_DIR>/audit-checkpoints.jsonl), then appends where each intact chain stands now.
import { parseArgs } from "node:util";

async function main() {
  const { values } = parseArgs({ options: { archive: { type: "string", multiple: true } }, strict: true });
  if (values.archive?.length) {
    // `-- --archive FILE …`: archive files from `npm run audit:archive`, checked on their own.
    const { verifyArchiveFile } = await import("../lib/audit/verify-archive");
    let broken = 0;
    for (const file of values.archive) {
      const r = await verifyArchiveFile(file);
      console.log(`${r.ok ? "OK    " : "BROKEN"} ${r.message}`);
      if (!r.ok) broken++;
    }
    process.exit(broken ? 1 : 0);
  }
  const { verifyAllChains } = await import("../lib/audit/verify");
  const { checkpointFile } = await import("../lib/audit/checkpoints");
  const reports = await verifyAllChains();
  if (reports.length === 0) console.log("No audit events yet: nothing to verify.");
  for (const r of reports) console.log(`${r.ok ? "OK    " : "BROKEN"} ${r.message}`);
  if (reports.some((r) => r.ok)) console.log(`\nCheckpoints appended to ${checkpointFile()}: keep a copy off this machine.`);
  const broken = reports.filter((r) => !r.ok);
  if (broken.length) {
    console.log(`\n${broken.length} chain${broken.length > 1 ? "s are" : " is"} broken. Keep a copy of the database file as evidence before changing anything.`);
    process.exit(1);
  }
  process.exit(0);
}

main().catch((e) => {
  console.error(`audit:verify could not finish: ${(e as Error).message}`);
  process.exit(2);
});
