import "server-only";
import { csvLine, type Cell } from "./csv";

export type Format = "csv" | "json";
export type Column<T> = readonly [header: string, value: (row: T) => Cell | Record<string, unknown>];

/**
 * Streams rows as CSV (a header line, then one line a row) or as JSON ({ ...head, [key]: [rows] }),
 * pulling the next batch only when the client reads on, so a large export never sits in memory.
 */
export function rowStream<T>(rows: AsyncIterable<T>, format: Format, columns: readonly Column<T>[], json: { key: string; head: Record<string, unknown> }) {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  let first = true;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        const opening = format === "csv" ? csvLine(columns.map(([h]) => h)) : `${JSON.stringify(json.head).slice(0, -1)},${JSON.stringify(json.key)}:[\n`;
        controller.enqueue(encoder.encode(opening));
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        if (format === "json") controller.enqueue(encoder.encode("\n]}\n"));
        controller.close();
        return;
      }
      const row = next.value;
      if (format === "csv") {
        controller.enqueue(encoder.encode(csvLine(columns.map(([, get]) => { const v = get(row); return v !== null && typeof v === "object" ? JSON.stringify(v) : v; }))));
      } else {
        const object = Object.fromEntries(columns.map(([h, get]) => [h, get(row) ?? null]));
        controller.enqueue(encoder.encode(`${first ? "" : ",\n"}${JSON.stringify(object)}`));
        first = false;
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** Walks a query in keyset batches: `fetch(after)` returns the next batch after the cursor, or fewer at the end. */
export async function* batches<T, K>(fetch: (after: K | undefined) => Promise<T[]>, cursorOf: (row: T) => K, size: number): AsyncGenerator<T> {
  let after: K | undefined;
  for (;;) {
    const rows = await fetch(after);
    yield* rows;
    if (rows.length < size) return;
    after = cursorOf(rows[rows.length - 1]);
  }
}
