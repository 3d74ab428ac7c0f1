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
// the dashes were lost in the paste. Found from the rare words "PRIVATE KEY" back to their BEGIN.
const PRIVATE_KEY_WORDS = /PRIVATE KEY/gi;
const BEGIN_BEFORE = /BEGIN[ A-Z0-9]{0,40}$/i;
const PUTTY_KEY = /PuTTY-User-Key-File-|Private-Lines:/;
// A JWK with a private exponent: both members present, in either order.
const JWK_KTY = /"kty"\s*:/;
const JWK_D = /"d"\s*:\s*"/;
const OPENSSH_MAGIC_B64 = "b3BlbnNzaC1rZXktdjE"; // "openssh-key-v1" in base64
// pkcs-5 (PBES1/PBES2) and pkcs-12 PBE algorithm OIDs, as in an ENCRYPTED PRIVATE KEY.
const PBE_OIDS = ["06092a864886f70d0105", "060a2a864886f70d010c"];

export function looksLikePrivateKey(text: string): boolean {
  if (typeof text !== "string" || text.length === 0) return false;
  if (hasPrivateKeyHeader(text) || PUTTY_KEY.test(text) || text.includes(OPENSSH_MAGIC_B64)) return true;
  if (text.includes('"kty"') && JWK_KTY.test(text) && JWK_D.test(text)) return true;
  return hasBarePrivateKeyBody(text);
}

function hasPrivateKeyHeader(text: string): boolean {
  for (const words of text.matchAll(PRIVATE_KEY_WORDS)) {
    if (BEGIN_BEFORE.test(text.slice(Math.max(0, words.index - 46), words.index))) return true;
  }
  return false;
}

const BASE64_CHAR = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") BASE64_CHAR[c.charCodeAt(0)] = 1;
const isBase64 = (code: number) => code < 128 && BASE64_CHAR[code] === 1;
const isSpace = (code: number) => code === 32 || code === 9 || code === 13 || code === 11 || code === 12;
const EQUALS = 61;
const NEWLINE = 10;
const MIN_RUN = 32;

/**
 * A run of 32+ base64 characters that decodes to the start of a private key's DER. Only the first line of a
 * base64 paragraph starts a DER structure, so a run that opens a line right under a line of pure base64 is
 * skipped. One pass over the characters, no regular expression: the cost is the length of the text.
 */
function hasBarePrivateKeyBody(text: string): boolean {
  let previousLineIsBase64 = false;
  let lineStart = 0;
  let firstInLine = -1; // first non-space character of the line
  let lineIsBase64 = true; // so far, the line's non-space content is base64 or "=" only
  let lastContent = -1;
  let runStart = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : NEWLINE;
    if (isBase64(code)) {
      if (runStart < 0) runStart = i;
    } else if (runStart >= 0) {
      const opensLine = runStart === firstInLine || (firstInLine < 0 && runStart >= lineStart);
      if (i - runStart >= MIN_RUN && !(opensLine && previousLineIsBase64) && text.charCodeAt(runStart) === 77 /* M */) {
        if (isPrivateKeyDerStart(Buffer.from(text.slice(runStart, runStart + MIN_RUN), "base64"))) return true;
      }
      runStart = -1;
    }
    if (code === NEWLINE) {
      previousLineIsBase64 = lineIsBase64 && firstInLine >= 0 && lastContent - firstInLine + 1 >= MIN_RUN;
      lineStart = i + 1;
      firstInLine = -1;
      lineIsBase64 = true;
      lastContent = -1;
    } else if (!isSpace(code)) {
      if (firstInLine < 0) firstInLine = i;
      else if (lastContent !== i - 1) lineIsBase64 = false; // space inside the line's content
      if (!isBase64(code) && code !== EQUALS) lineIsBase64 = false;
      lastContent = i;
    }
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
