import "server-only";
import { db } from "../db/client";
import { now } from "../clock";

/** A burst that a window refused, reported once, when the next window opens. */
export type EndedBurst = { refused: number; from: Date; to: Date };

export type Verdict =
  | { ok: true; endedBurst?: EndedBurst }
  | { ok: false; retryAfterSeconds: number; /** The first refusal of this window: the one to audit. */ firstRefusal: boolean };

/**
 * Fixed-window counter kept in the database, so every app instance shares it. Each call counts one
 * attempt against `key`; past `limit` in `windowSeconds` it says how long to wait. Every step is one
 * conditional statement (no read-then-write transaction), so parallel callers on any instance cannot
 * both take the last slot.
 */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number): Promise<Verdict> {
  const at = now();
  const windowMs = windowSeconds * 1000;
  const since = new Date(at.getTime() - windowMs);
  for (let attempt = 0; attempt < 3; attempt++) {
    const counted = await db.rateLimit.updateMany({ where: { key, windowStart: { gt: since }, count: { lt: limit } }, data: { count: { increment: 1 } } });
    if (counted.count === 1) return { ok: true };
    // Refused only when the window is really full: a row another caller created just now (count under the
    // limit) sends this one round again to count itself, not away with a 429.
    const refused = await db.rateLimit.updateMany({ where: { key, windowStart: { gt: since }, count: { gte: limit } }, data: { refused: { increment: 1 } } });
    if (refused.count === 1) {
      const row = await db.rateLimit.findUnique({ where: { key } });
      const resetAt = (row?.windowStart.getTime() ?? at.getTime()) + windowMs;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - at.getTime()) / 1000)), firstRefusal: row?.refused === 1 };
    }
    // No row, or its window is over: open a new window. Only one caller wins the reset.
    const previous = await db.rateLimit.findUnique({ where: { key } });
    if (!previous) {
      if (await createdFirst(key, at)) return { ok: true };
      continue;
    }
    if (previous.windowStart > since) continue;
    const reset = await db.rateLimit.updateMany({
      where: { key, windowStart: previous.windowStart },
      data: { windowStart: at, count: 1, refused: 0 },
    });
    if (reset.count === 1) {
      const endedBurst = previous.refused > 0 ? { refused: previous.refused, from: previous.windowStart, to: new Date(previous.windowStart.getTime() + windowMs) } : undefined;
      return { ok: true, endedBurst };
    }
  }
  // Three lost races in a row: someone else is counting this key this very moment; count this one as refused.
  return { ok: false, retryAfterSeconds: 1, firstRefusal: false };
}

/** Creates the key's first window; false when a parallel caller created it first. */
async function createdFirst(key: string, at: Date): Promise<boolean> {
  try {
    await db.rateLimit.create({ data: { key, windowStart: at, count: 1 } });
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") return false;
    throw e;
  }
}
