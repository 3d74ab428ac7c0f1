// Timing requests the way a browser makes them: the whole response read, one request at a time unless said.
export type Timed = { ms: number; status: number; bytes: number };

export async function timedGet(url: string, cookie?: string): Promise<Timed> {
  const t = performance.now();
  const r = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const body = await r.arrayBuffer();
  return { ms: performance.now() - t, status: r.status, bytes: body.byteLength };
}

export const median = (xs: number[]) => quantile(xs, 0.5);

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/** Runs `fn` from `clients` concurrent loops for `seconds`; each loop's results are collected. */
export async function concurrently<T>(clients: number, seconds: number, fn: (client: number) => Promise<T>): Promise<T[]> {
  const until = performance.now() + seconds * 1000;
  const out: T[] = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (performance.now() < until) out.push(await fn(c));
    }),
  );
  return out;
}
