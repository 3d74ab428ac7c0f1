import "server-only";

// Finds PEM blocks (RFC 7468) in pasted text. Pure text work: nothing here parses a key.

export type PemBlock = {
  /** The label between BEGIN and END, e.g. "PUBLIC KEY". */
  label: string;
  /** The base64 body with every space and line break removed. */
  body: string;
};

export type PemScan = {
  blocks: PemBlock[];
  /** How many BEGIN lines the text has; more than blocks.length means a block was cut off. */
  beginCount: number;
};

const BEGIN_LINE = /-----BEGIN ([^\r\n-]*)-----/g;
const LABEL = /^[A-Z0-9 ]+$/;
const BASE64_BODY = /^[A-Za-z0-9+/]+={0,2}$/;
// Callers want one block; a few more are enough to say "several". Looking for the END of every BEGIN
// would cost the whole text per BEGIN: quadratic on a paste of many unterminated BEGIN lines.
const MAX_BLOCKS = 8;

export function scanPem(text: string): PemScan {
  const blocks: PemBlock[] = [];
  let beginCount = 0;
  let searchFrom = 0;
  for (const begin of text.matchAll(BEGIN_LINE)) {
    beginCount++;
    const label = begin[1];
    if (begin.index < searchFrom || blocks.length >= MAX_BLOCKS || beginCount > MAX_BLOCKS * 2 || !LABEL.test(label)) continue;
    const bodyStart = begin.index + begin[0].length;
    const end = text.indexOf(`-----END ${label}-----`, bodyStart);
    if (end < 0) continue;
    blocks.push({ label, body: text.slice(bodyStart, end).replace(/\s+/g, "") });
    searchFrom = end;
  }
  return { blocks, beginCount };
}

/** The labels of the BEGIN lines, safe to show: only short upper-case labels, anything else as "?". */
export function beginLabels(text: string): string[] {
  return [...text.matchAll(BEGIN_LINE)].map((m) => (/^[A-Z0-9 ]{1,40}$/.test(m[1]) ? m[1] : "?"));
}

/** True when the body is one run of base64 with correct padding (no PEM headers such as Proc-Type). */
export function isCleanBase64Body(body: string): boolean {
  return body.length % 4 === 0 && BASE64_BODY.test(body);
}

/** Writes DER as PEM the way OpenSSL does: 64-character lines and a trailing newline. */
export function pemFromDer(label: string, der: Buffer): string {
  const b64 = der.toString("base64");
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/** Rebuilds a block from its label and body, dropping CRLF, indentation and text around it. */
export function pemFromBlock(block: PemBlock): string {
  return pemFromDer(block.label, Buffer.from(block.body, "base64"));
}
