import "server-only";

// Recognises private key material in any text, by its markers only, so callers can refuse or scrub it
// before anything parses it, logs it or stores it. Nothing here ever returns or quotes the text.

export const PRIVATE_KEY_MESSAGE =
  "This is a private key, not a public key. It was not stored. " +
  "Treat this key as exposed: it has left your machine, so do not use it for token-sign. " +
  "Generate a new key pair (`openssl genrsa -out user.key 2048`), keep user.key to yourself, " +
  "and upload only the public half: `openssl rsa -in user.key -pubout -out user.pub.pem` " +
  "(or `openssl pkey -in user.key -pubout -out user.pub.pem`).";

// Every pattern here runs in time linear in the text (bounded repetition, no backtracking across the
// text): it scans anonymous uploads before anything else does. docs/decisions/0031.

// BEGIN PRIVATE KEY, RSA/EC/DSA/ENCRYPTED/OPENSSH PRIVATE KEY, SSH2 ENCRYPTED PRIVATE KEY; also when
// the dashes were lost in the paste.
const PEM_PRIVATE_HEADER = /BEGIN[ A-Z0-9]{0,40}PRIVATE KEY/i;
const PUTTY_KEY = /PuTTY-User-Key-File-|Private-Lines:/;
// A JWK with a private exponent: both members present, in either order.
const JWK_KTY = /"kty"\s*:/;
const JWK_D = /"d"\s*:\s*"/;
const OPENSSH_MAGIC_B64 = "b3BlbnNzaC1rZXktdjE"; // "openssh-key-v1" in base64
const BASE64_RUN = /[A-Za-z0-9+/]{32,}/g;
const BASE64_LINE = /^[A-Za-z0-9+/=]{32,}$/;
// pkcs-5 (PBES1/PBES2) and pkcs-12 PBE algorithm OIDs, as in an ENCRYPTED PRIVATE KEY.
const PBE_OIDS = ["06092a864886f70d0105", "060a2a864886f70d010c"];

export function looksLikePrivateKey(text: string): boolean {
  if (typeof text !== "string" || text.length === 0) return false;
  if (PEM_PRIVATE_HEADER.test(text) || PUTTY_KEY.test(text) || text.includes(OPENSSH_MAGIC_B64)) return true;
  if (text.includes('"kty"') && JWK_KTY.test(text) && JWK_D.test(text)) return true;
  return hasBarePrivateKeyBody(text);
}

/**
 * A base64 run that decodes to the start of a private key's DER. Only the first line of a base64 paragraph
 * starts a DER structure, so a run that begins a line right under another base64 line is skipped.
 */
function hasBarePrivateKeyBody(text: string): boolean {
  let previousLineIsBase64 = false;
  for (const line of text.split("\n")) {
    let first = true;
    for (const run of line.matchAll(BASE64_RUN)) {
      const continuesParagraph = first && previousLineIsBase64 && line.slice(0, run.index).trim() === "";
      first = false;
      if (!continuesParagraph && isPrivateKeyDerStart(Buffer.from(run[0].slice(0, 32), "base64"))) return true;
    }
    previousLineIsBase64 = BASE64_LINE.test(line.trim());
  }
  return false;
}

/**
 * A base64 body pasted without its BEGIN/END lines: PKCS#1 and PKCS#8 private keys start with
 * SEQUENCE { INTEGER 0 or 1 (version) ... }, encrypted PKCS#8 with SEQUENCE { SEQUENCE { PBE OID ... } }.
 * Public keys, certificates and CSRs start with SEQUENCE { SEQUENCE ... } or SEQUENCE { INTEGER n }.
 */
function isPrivateKeyDerStart(der: Buffer): boolean {
  const first = afterSequenceHeader(der, 0);
  if (first < 0) return false;
  if (der[first] === 0x02 && der[first + 1] === 0x01 && der[first + 2] <= 0x01) return true;
  const inner = afterSequenceHeader(der, first);
  if (inner < 0) return false;
  const oid = der.subarray(inner, inner + 10).toString("hex");
  return PBE_OIDS.some((prefix) => oid.startsWith(prefix));
}

/** Offset of a DER SEQUENCE's content, or -1 when no SEQUENCE starts at offset. */
function afterSequenceHeader(der: Buffer, offset: number): number {
  if (der[offset] !== 0x30) return -1;
  const len = der[offset + 1];
  if (len === undefined) return -1;
  if (len < 0x80) return offset + 2;
  const lengthBytes = len - 0x80;
  return lengthBytes >= 1 && lengthBytes <= 3 ? offset + 2 + lengthBytes : -1;
}
