import "server-only";
import { db } from "../db/client";
import { now } from "../clock";

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Fixed-window counter kept in the database, so every app instance shares it. Each call counts
 * one attempt against `key`; past `limit` in `windowSeconds` it says how long to wait.
 */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number): Promise<Verdict> {
  const at = now();
  const windowMs = windowSeconds * 1000;
  return db.$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({ where: { key } });
    if (!row || at.getTime() - row.windowStart.getTime() >= windowMs) {
      await tx.rateLimit.upsert({
        where: { key },
        create: { key, windowStart: at, count: 1 },
        update: { windowStart: at, count: 1 },
      });
      return { ok: true } as const;
    }
    if (row.count >= limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((row.windowStart.getTime() + windowMs - at.getTime()) / 1000));
      return { ok: false, retryAfterSeconds } as const;
    }
    await tx.rateLimit.update({ where: { key }, data: { count: { increment: 1 } } });
    return { ok: true } as const;
  });
}
