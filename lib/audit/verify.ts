import "server-only";
import { now } from "../clock";
import { db } from "../db/client";
import { eventHash, GENESIS_HASH } from "./chain";

export type ChainReport = {
  chain: string;
  ok: boolean;
  events: number;
  lastSeq: number;
  lastHash: string;
  broken?: { seq: number; eventId: string | null };
  message: string;
};

const BATCH = 2000;

type Row = Awaited<ReturnType<typeof db.auditEvent.findMany>>[number];
const describe = (r: Row) =>
  `event #${r.seq} (id ${r.id}, ${r.createdAt.toISOString()}, "${r.operation}"${r.actorUsername ? ` by ${r.actorUsername}` : ""})`;

/**
 * Walks one chain in order and stops at the first event that does not hold: a changed row, a missing
 * or inserted one, a link that does not match, a tail cut off behind the head, or a history rewritten
 * since an earlier verification recorded its hash.
 */
export async function verifyChain(chain: string): Promise<ChainReport> {
  const anchors = new Map<number, { hash: string; at: Date }>();
  for (const v of await db.auditVerification.findMany({ where: { chain, ok: true }, orderBy: { verifiedAt: "desc" }, take: 100 })) {
    if (v.lastSeq > 0 && !anchors.has(v.lastSeq)) anchors.set(v.lastSeq, { hash: v.lastHash, at: v.verifiedAt });
  }
  const archives = await db.auditArchive.findMany({ where: { chain }, orderBy: { toSeq: "asc" } });
  let lastSeq = 0;
  let lastHash = GENESIS_HASH;
  let base = 0;
  const fail = (seq: number, eventId: string | null, message: string): ChainReport => ({
    chain, ok: false, events: lastSeq - base, lastSeq, lastHash, broken: { seq, eventId }, message: `Chain ${chain}: ${message}`,
  });
  for (const a of archives) {
    if (a.fromSeq !== lastSeq + 1 || a.prevHash !== lastHash) return fail(a.fromSeq, null, `the archive ${a.file} does not continue from event #${lastSeq}.`);
    [lastSeq, lastHash, base] = [a.toSeq, a.lastHash, a.toSeq];
  }
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { chain, seq: { gt: lastSeq } }, orderBy: { seq: "asc" }, take: BATCH });
    for (const r of rows) {
      if (r.seq !== lastSeq + 1) return fail(lastSeq + 1, null, `event #${lastSeq + 1} is missing: the chain jumps from #${lastSeq} to #${r.seq}, so an event was deleted.`);
      if (eventHash(r) !== r.hash) return fail(r.seq, r.id, `${describe(r)} was changed after it was written: its contents no longer match its hash.`);
      if (r.prevHash !== lastHash) return fail(r.seq, r.id, `${describe(r)} does not link to event #${lastSeq}: one of the two was replaced.`);
      const anchor = anchors.get(r.seq);
      if (anchor && anchor.hash !== r.hash) {
        return fail(r.seq, r.id, `${describe(r)} is not the event that was verified on ${anchor.at.toISOString()}: the chain was rewritten from there on.`);
      }
      lastSeq = r.seq;
      lastHash = r.hash;
    }
    if (rows.length < BATCH) break;
  }
  const head = await db.auditChainHead.findUnique({ where: { chain } });
  if (!head || head.seq !== lastSeq || head.hash !== lastHash) {
    const expected = head ? `#${head.seq}` : "no head at all";
    return fail(lastSeq + 1, null, `the chain ends at event #${lastSeq} but its head records ${expected}: events at the end were deleted or the head was changed.`);
  }
  const archived = archives.length ? ` (events #1–#${base} are in archive files: check them with --archive)` : "";
  return { chain, ok: true, events: lastSeq - base, lastSeq, lastHash, message: `Chain ${chain}: ${lastSeq - base} events, intact${archived}.` };
}

/** Verifies every chain and stores each result, which the overview shows as "last verified". */
export async function verifyAllChains(): Promise<ChainReport[]> {
  const heads = await db.auditChainHead.findMany({ select: { chain: true } });
  const inEvents = await db.auditEvent.groupBy({ by: ["chain"] });
  const chains = [...new Set([...heads.map((h) => h.chain), ...inEvents.map((g) => g.chain)])].sort();
  const reports: ChainReport[] = [];
  for (const chain of chains) {
    const r = await verifyChain(chain);
    await db.auditVerification.create({
      data: {
        chain, verifiedAt: now(), ok: r.ok, events: r.events, lastSeq: r.lastSeq, lastHash: r.lastHash,
        brokenSeq: r.broken?.seq ?? null, brokenEventId: r.broken?.eventId ?? null, message: r.message,
      },
    });
    reports.push(r);
  }
  return reports;
}

/** The newest archive of a chain: where the events still in the database continue from. */
export function lastArchive(chain: string) {
  return db.auditArchive.findFirst({ where: { chain }, orderBy: { toSeq: "desc" } });
}

/** The latest verification of a cluster's chain, for the overview. */
export function lastVerification(chain: string) {
  return db.auditVerification.findFirst({ where: { chain }, orderBy: { verifiedAt: "desc" } });
}
