import "server-only";
import { now } from "../clock";
import { db } from "../db/client";
import { eventHash, GENESIS_HASH } from "./chain";
import { appendCheckpoints, readCheckpoints, type Checkpoint } from "./checkpoints";

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

type Anchor = { hash: string; at: string; where: string };

/** Where earlier verifications found the chain: the database's own record, and the checkpoint file's. */
async function anchorsOf(chain: string, checkpoints: Checkpoint[]): Promise<Map<number, Anchor[]>> {
  const anchors = new Map<number, Anchor[]>();
  const add = (seq: number, a: Anchor) => anchors.set(seq, [...(anchors.get(seq) ?? []), a]);
  for (const v of await db.auditVerification.findMany({ where: { chain, ok: true }, orderBy: { verifiedAt: "desc" }, take: 100 })) {
    if (v.lastSeq > 0) add(v.lastSeq, { hash: v.lastHash, at: v.verifiedAt.toISOString(), where: "verified" });
  }
  for (const c of checkpoints) add(c.seq, { hash: c.hash, at: c.time, where: "checkpointed" });
  return anchors;
}

/**
 * Walks one chain in order and stops at the first event that does not hold: a changed row, a missing
 * or inserted one, a link that does not match, a tail cut off behind the head, a history rewritten
 * since an earlier verification recorded its hash, or a chain shorter than, or gone since, a checkpoint.
 */
export async function verifyChain(chain: string, checkpoints: Checkpoint[] = readCheckpoints().get(chain) ?? []): Promise<ChainReport> {
  const anchors = await anchorsOf(chain, checkpoints);
  const archives = await db.auditArchive.findMany({ where: { chain }, orderBy: { toSeq: "asc" } });
  let lastSeq = 0;
  let lastHash = GENESIS_HASH;
  let base = 0;
  const fail = (seq: number, eventId: string | null, message: string): ChainReport => ({
    chain, ok: false, events: lastSeq - base, lastSeq, lastHash, broken: { seq, eventId }, message: `Chain ${chain}: ${message}`,
  });
  const differs = (seq: number, hash: string) => (anchors.get(seq) ?? []).find((a) => a.hash !== hash);
  const furthest = checkpoints.reduce<Checkpoint | null>((best, c) => (!best || c.seq > best.seq ? c : best), null);
  const head = await db.auditChainHead.findUnique({ where: { chain } });
  if (!head && archives.length === 0 && furthest && !(await db.auditEvent.findFirst({ where: { chain }, select: { id: true } }))) {
    return fail(1, null, `the chain is gone: the checkpoint of ${furthest.time} recorded ${furthest.seq} events, and the database has none of them.`);
  }
  for (const a of archives) {
    if (a.fromSeq !== lastSeq + 1 || a.prevHash !== lastHash) return fail(a.fromSeq, null, `the archive ${a.file} does not continue from event #${lastSeq}.`);
    const anchor = differs(a.toSeq, a.lastHash);
    if (anchor) return fail(a.toSeq, null, `the archive ${a.file} does not end at the event #${a.toSeq} that was ${anchor.where} on ${anchor.at}: the chain was rewritten.`);
    [lastSeq, lastHash, base] = [a.toSeq, a.lastHash, a.toSeq];
  }
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { chain, seq: { gt: lastSeq } }, orderBy: { seq: "asc" }, take: BATCH });
    for (const r of rows) {
      if (r.seq !== lastSeq + 1) return fail(lastSeq + 1, null, `event #${lastSeq + 1} is missing: the chain jumps from #${lastSeq} to #${r.seq}, so an event was deleted.`);
      if (eventHash(r) !== r.hash) return fail(r.seq, r.id, `${describe(r)} was changed after it was written: its contents no longer match its hash.`);
      if (r.prevHash !== lastHash) return fail(r.seq, r.id, `${describe(r)} does not link to event #${lastSeq}: one of the two was replaced.`);
      const anchor = differs(r.seq, r.hash);
      if (anchor) return fail(r.seq, r.id, `${describe(r)} is not the event that was ${anchor.where} on ${anchor.at}: the chain was rewritten from there on.`);
      lastSeq = r.seq;
      lastHash = r.hash;
    }
    if (rows.length < BATCH) break;
  }
  if (!head || head.seq !== lastSeq || head.hash !== lastHash) {
    const expected = head ? `#${head.seq}` : "no head at all";
    return fail(lastSeq + 1, null, `the chain ends at event #${lastSeq} but its head records ${expected}: events at the end were deleted or the head was changed.`);
  }
  if (furthest && furthest.seq > lastSeq) {
    return fail(lastSeq + 1, null, `the chain ends at event #${lastSeq}, but the checkpoint of ${furthest.time} recorded #${furthest.seq}: events at the end were deleted and the head rewritten.`);
  }
  const archived = archives.length ? ` (events #1–#${base} are in archive files: check them with --archive)` : "";
  return { chain, ok: true, events: lastSeq - base, lastSeq, lastHash, message: `Chain ${chain}: ${lastSeq - base} events, intact${archived}.` };
}

/**
 * Verifies every chain (those in the database and those the checkpoint file remembers), stores each
 * result, which the overview shows as "last verified", and appends a checkpoint for each intact chain.
 */
export async function verifyAllChains(): Promise<ChainReport[]> {
  const checkpoints = readCheckpoints();
  const heads = await db.auditChainHead.findMany({ select: { chain: true } });
  const inEvents = await db.auditEvent.groupBy({ by: ["chain"] });
  const chains = [...new Set([...heads.map((h) => h.chain), ...inEvents.map((g) => g.chain), ...checkpoints.keys()])].sort();
  const reports: ChainReport[] = [];
  for (const chain of chains) {
    const r = await verifyChain(chain, checkpoints.get(chain) ?? []);
    await db.auditVerification.create({
      data: {
        chain, verifiedAt: now(), ok: r.ok, events: r.events, lastSeq: r.lastSeq, lastHash: r.lastHash,
        brokenSeq: r.broken?.seq ?? null, brokenEventId: r.broken?.eventId ?? null, message: r.message,
      },
    });
    reports.push(r);
  }
  const time = now().toISOString();
  appendCheckpoints(reports.filter((r) => r.ok && r.lastSeq > 0).map((r) => ({ cluster: r.chain, seq: r.lastSeq, hash: r.lastHash, time })));
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
