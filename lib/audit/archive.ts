import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { now } from "../clock";
import { db } from "../db/client";
import { GENESIS_HASH } from "./chain";
import { lastArchive, verifyChain } from "./verify";

export const ARCHIVE_FORMAT = "hsm-console-audit-archive";
const BATCH = 2000;

export type ArchiveResult = { chain: string; fromSeq: number; toSeq: number; file: string; sha256: string };

export const sha256File = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/**
 * Retention: moves a chain's events older than `before` (the oldest run of them, in chain order) to a JSON
 * Lines file: a header with the hashes it starts from and ends at, then every event with every column, so
 * `npm run audit:verify -- --archive FILE` re-checks it offline. Only an intact chain is archived; the
 * database keeps the last hash and the file's SHA-256, and its chain carries on from there.
 */
export async function archiveChain(chain: string, before: Date, dir: string): Promise<ArchiveResult | null> {
  const check = await verifyChain(chain);
  if (!check.ok) throw new Error(`Not archiving a broken chain. ${check.message}`);
  const previous = await lastArchive(chain);
  const start = previous?.toSeq ?? 0;
  const firstKept = await db.auditEvent.findFirst({ where: { chain, seq: { gt: start }, createdAt: { gte: before } }, orderBy: { seq: "asc" }, select: { seq: true } });
  const toSeq = firstKept ? firstKept.seq - 1 : check.lastSeq;
  if (toSeq <= start) return null;

  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `audit-${chain}-${start + 1}-${toSeq}.jsonl`);
  const fd = fs.openSync(file, "wx", 0o600);
  let lastHash = previous?.lastHash ?? GENESIS_HASH;
  try {
    const prevHash = lastHash;
    const lastEvent = await db.auditEvent.findUniqueOrThrow({ where: { chain_seq: { chain, seq: toSeq } }, select: { hash: true } });
    fs.writeSync(fd, `${JSON.stringify({ format: ARCHIVE_FORMAT, version: 1, chain, from_seq: start + 1, to_seq: toSeq, prev_hash: prevHash, last_hash: lastEvent.hash })}\n`);
    for (let after = start; after < toSeq; ) {
      const rows = await db.auditEvent.findMany({ where: { chain, seq: { gt: after, lte: toSeq } }, orderBy: { seq: "asc" }, take: BATCH });
      fs.writeSync(fd, rows.map((r) => `${JSON.stringify(r)}\n`).join(""));
      after = rows[rows.length - 1].seq;
      lastHash = rows[rows.length - 1].hash;
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  const sha256 = sha256File(file);
  await db.$transaction(async (tx) => {
    await tx.auditArchive.create({
      data: { chain, fromSeq: start + 1, toSeq, prevHash: previous?.lastHash ?? GENESIS_HASH, lastHash, file: path.basename(file), sha256, archivedAt: now() },
    });
    // The one place events leave the database: after they are safely in the file, and as a whole prefix.
    await tx.auditEvent.deleteMany({ where: { chain, seq: { gt: start, lte: toSeq } } });
  });
  return { chain, fromSeq: start + 1, toSeq, file, sha256 };
}
