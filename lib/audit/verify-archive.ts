import "server-only";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { db } from "../db/client";
import { ARCHIVE_FORMAT, sha256File } from "./archive";
import { eventHash, type ChainedFields } from "./chain";

/**
 * Checks an archive file on its own: every event's hash, every link, the first link to the hash it claims to
 * continue from and the last to the hash it claims to end at; then, if this database archived it, that the
 * file is byte for byte the one it recorded.
 */
export async function verifyArchiveFile(file: string): Promise<{ ok: boolean; message: string }> {
  const name = path.basename(file);
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let header: { format?: string; chain: string; from_seq: number; to_seq: number; prev_hash: string; last_hash: string } | undefined;
  let seq = 0;
  let hash = "";
  for await (const line of lines) {
    if (!header) {
      header = JSON.parse(line);
      if (header?.format !== ARCHIVE_FORMAT) return { ok: false, message: `${name} is not an audit archive (its first line has no "format": "${ARCHIVE_FORMAT}").` };
      [seq, hash] = [header.from_seq - 1, header.prev_hash];
      continue;
    }
    const row = JSON.parse(line) as ChainedFields & { hash: string };
    const where = `${name}: event #${row.seq} (id ${row.id})`;
    if (row.seq !== seq + 1) return { ok: false, message: `${name}: event #${seq + 1} is missing: the file jumps from #${seq} to #${row.seq}.` };
    if (eventHash({ ...row, createdAt: new Date(row.createdAt) }) !== row.hash) return { ok: false, message: `${where} was changed after it was written: its contents no longer match its hash.` };
    if (row.prevHash !== hash) return { ok: false, message: `${where} does not link to event #${seq}.` };
    [seq, hash] = [row.seq, row.hash];
  }
  if (!header) return { ok: false, message: `${name} is empty.` };
  if (seq !== header.to_seq || hash !== header.last_hash) return { ok: false, message: `${name} ends at event #${seq}, but its header says #${header.to_seq}: events at the end were removed.` };
  const recorded = await db.auditArchive.findUnique({ where: { chain_toSeq: { chain: header.chain, toSeq: header.to_seq } } });
  if (recorded && (recorded.sha256 !== sha256File(file) || recorded.prevHash !== header.prev_hash)) {
    return { ok: false, message: `${name} is not the file this database archived on ${recorded.archivedAt.toISOString()} (its SHA-256 differs).` };
  }
  const where = recorded ? "matches the database's record" : "is not recorded in this database";
  return { ok: true, message: `${name}: events #${header.from_seq}–#${header.to_seq} of chain ${header.chain}, intact; the file ${where}.` };
}
