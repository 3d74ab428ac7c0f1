// The few DER structures the browser needs to read a private key file and write its public half:
// tag-length-value reading and writing, nothing cryptographic (WebCrypto does the cryptography).

export type Bytes = Uint8Array<ArrayBuffer>;

export type Tlv = { tag: number; value: Bytes; /** the whole encoding, tag to end */ raw: Bytes };

export class DerError extends Error {}

/** Reads one TLV at `offset`; the definite-length DER forms only. */
export function readTlv(bytes: Bytes, offset = 0): Tlv & { end: number } {
  if (offset + 2 > bytes.length) throw new DerError("truncated");
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || start + count > bytes.length) throw new DerError("bad length");
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start + i];
    start += count;
  }
  const end = start + length;
  if (end > bytes.length) throw new DerError("truncated");
  return { tag, value: bytes.subarray(start, end), raw: bytes.subarray(offset, end), end };
}

/** The TLVs inside a constructed value (a SEQUENCE's members). */
export function children(value: Bytes): Tlv[] {
  const out: Tlv[] = [];
  for (let offset = 0; offset < value.length; ) {
    const tlv = readTlv(value, offset);
    out.push(tlv);
    offset = tlv.end;
  }
  return out;
}

/** Reads a TLV and checks its tag. */
export function expectTag(tlv: Tlv | undefined, tag: number): Tlv {
  if (!tlv || tlv.tag !== tag) throw new DerError(`expected tag ${tag}`);
  return tlv;
}

export function encodeTlv(tag: number, ...parts: Bytes[]): Bytes {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const head = length < 0x80 ? [length] : length < 0x100 ? [0x81, length] : length < 0x10000 ? [0x82, length >> 8, length & 0xff] : [0x83, length >> 16, (length >> 8) & 0xff, length & 0xff];
  const out = new Uint8Array(1 + head.length + length);
  out[0] = tag;
  out.set(head, 1);
  let at = 1 + head.length;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const TAG = { INTEGER: 0x02, BIT_STRING: 0x03, OCTET_STRING: 0x04, NULL: 0x05, OID: 0x06, SEQUENCE: 0x30 } as const;

export const hex = (bytes: Bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** A small non-negative INTEGER's value (iteration counts, key lengths, versions). */
export function smallInteger(tlv: Tlv): number {
  expectTag(tlv, TAG.INTEGER);
  if (tlv.value.length > 4) throw new DerError("integer too large");
  return tlv.value.reduce((n, b) => n * 256 + b, 0);
}
