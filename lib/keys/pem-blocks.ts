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
  /** How many BEGIN lines the text has (counting stops at MAX_BEGINS); more than blocks.length means a block was cut off. */
  beginCount: number;
  /** The labels of the first BEGIN lines, safe to show: short upper-case labels, anything else as "?". */
  labels: string[];
};

const BEGIN_LINE = /-----BEGIN ([^\r\n-]*)-----/g;
const LABEL = /^[A-Z0-9 ]+$/;
const SHOWN_LABEL = /^[A-Z0-9 ]{1,40}$/;
const BASE64_BODY = /^[A-Za-z0-9+/]+={0,2}$/;
// Callers want one block and, when there are several, to say so. Counting stops here: a paste of thousands
// of BEGIN lines costs no more than one of a few, and looking for the END of each is bounded too.
export const MAX_BEGINS = 16;

export function scanPem(text: string): PemScan {
  const begins: RegExpExecArray[] = [];
  for (const begin of text.matchAll(BEGIN_LINE)) {
    begins.push(begin);
    if (begins.length > MAX_BEGINS) break; // one more than counted: where the last counted block must end
  }
  const counted = begins.slice(0, MAX_BEGINS);
  const blocks: PemBlock[] = [];
  counted.forEach((begin, i) => {
    const label = begin[1];
    if (!LABEL.test(label)) return;
    // A block ends before the next BEGIN: each stretch of text is searched once.
    const bodyStart = begin.index + begin[0].length;
    const body = text.slice(bodyStart, begins[i + 1]?.index ?? text.length);
    const end = body.indexOf(`-----END ${label}-----`);
    if (end >= 0) blocks.push({ label, body: body.slice(0, end).replace(/\s+/g, "") });
  });
  return { blocks, beginCount: counted.length, labels: counted.map((b) => (SHOWN_LABEL.test(b[1]) ? b[1] : "?")) };
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
