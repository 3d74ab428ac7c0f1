import "server-only";
import fs from "node:fs";
import path from "node:path";
import { dataDirectory } from "../db/location";
import { settings } from "../settings";

/** Where one chain stood when `audit:verify` last found it intact: kept outside the database. */
export type Checkpoint = { cluster: string; seq: number; hash: string; time: string };

export const DEFAULT_CHECKPOINT_NAME = "audit-checkpoints.jsonl";

export function checkpointFile(): string {
  const configured = settings().AUDIT_CHECKPOINT_FILE;
  return configured ? path.resolve(/*turbopackIgnore: true*/ configured) : path.join(dataDirectory(), DEFAULT_CHECKPOINT_NAME);
}

const isCheckpoint = (c: Partial<Checkpoint> | null): c is Checkpoint =>
  !!c && typeof c.cluster === "string" && Number.isSafeInteger(c.seq) && c.seq! > 0 && typeof c.hash === "string" && /^[0-9a-f]{64}$/.test(c.hash) && typeof c.time === "string";

/**
 * Every checkpoint in the file, by chain. A line that is not a checkpoint stops the verification: the
 * file is evidence too, and a damaged one must be looked at, not skipped.
 */
export function readCheckpoints(file = checkpointFile()): Map<string, Checkpoint[]> {
  const byChain = new Map<string, Checkpoint[]>();
  if (!fs.existsSync(file)) return byChain;
  fs.readFileSync(file, "utf8").split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    let parsed: Partial<Checkpoint> | null = null;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = null;
    }
    if (!isCheckpoint(parsed)) throw new Error(`The checkpoint file ${file} has a damaged line ${i + 1}: restore the file from your copy, then verify again.`);
    const list = byChain.get(parsed.cluster) ?? [];
    list.push(parsed);
    byChain.set(parsed.cluster, list);
  });
  return byChain;
}

/** Appends where each intact chain stands now; the file is only ever appended to. */
export function appendCheckpoints(checkpoints: Checkpoint[], file = checkpointFile()): void {
  if (checkpoints.length === 0) return;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const fd = fs.openSync(file, "a", 0o600);
  try {
    fs.writeSync(fd, checkpoints.map((c) => `${JSON.stringify(c)}\n`).join(""));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
