import "server-only";
import { csvCell, csvLine, type Cell } from "./csv";

export type Format = "csv" | "json";
export type Column<T> = readonly [header: string, value: (row: T) => Cell | Record<string, unknown>];

/**
 * Streams rows as CSV (a header line, then one line a row) or as JSON ({ ...head, [key]: [rows] }), one chunk
 * per batch of rows, reading at most one batch ahead of the client (the stream's backpressure), so a large export never sits in memory and costs one write per batch, not per row.
 */
export function rowStream<T>(rows: AsyncIterable<T[]>, format: Format, columns: readonly Column<T>[], json: { key: string; head: Record<string, unknown> }) {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  let first = true;
  let started = false;
  const getters = columns.map(([, get]) => get);
  const line = (row: T) => {
    if (format === "csv") {
      let text = "";
      for (let c = 0; c < getters.length; c++) {
        const v = getters[c](row);
        text += (c === 0 ? "" : ",") + csvCell(v !== null && typeof v === "object" ? JSON.stringify(v) : v);
      }
      return `${text}\r\n`;
    }
    const object = Object.fromEntries(columns.map(([h, get]) => [h, get(row) ?? null]));
    const text = `${first ? "" : ",\n"}${JSON.stringify(object)}`;
    first = false;
    return text;
  };
  return new ReadableStream<Uint8Array>(
    {
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
        let chunk = "";
        for (const row of next.value) chunk += line(row);
        if (chunk) controller.enqueue(encoder.encode(chunk));
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    // One batch read ahead of the client, no more: the query and the network overlap, memory stays two batches.
    { highWaterMark: 1 },
  );
}

/** Walks a query in keyset batches: `fetch(after)` returns the next batch after the cursor, or fewer at the end. */
export async function* batches<T, K>(fetch: (after: K | undefined) => Promise<T[]>, cursorOf: (row: T) => K, size: number): AsyncGenerator<T[]> {
  let after: K | undefined;
  for (;;) {
    const rows = await fetch(after);
    yield rows;
    if (rows.length < size) return;
    after = cursorOf(rows[rows.length - 1]);
  }
}

/** CSV whose lines the database already made, a page of them at a time (UTF-8 bytes): the header, then each page. */
export function csvPageStream(headers: readonly string[], pages: AsyncIterable<Uint8Array>) {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(csvLine([...headers])));
          return;
        }
        const next = await iterator.next();
        if (next.done) return controller.close();
        controller.enqueue(next.value);
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}
