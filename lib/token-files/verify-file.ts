import "server-only";
import type { KeyObject } from "node:crypto";
import { MAX_TOKENS, parseTokenFile, TOKEN_BYTES } from "./format";
import { parseJsonText } from "./json-text";
import { decodeStrictBase64 } from "./strict-base64";
import { forToken } from "./signing-advice";
import { verifyTokenSignature, type TokenFailureCode } from "./verify";

export type TokenCheckCode = TokenFailureCode | "duplicate" | "not_issued";

export type TokenCheck = {
  /** Position of the token in the uploaded file, from 0; messages say "token 1" for index 0. */
  index: number;
  unsigned: string;
  ok: boolean;
  /** Why the token failed: a signature diagnosis, or "duplicate" / "not_issued" for tokens that cannot count. */
  code?: TokenCheckCode;
  message?: string;
  fix?: string;
};

export type SignedFileCheck = { ok: boolean; results: TokenCheck[]; fileErrors: string[] };

const FRESH = "Download a fresh token file and sign each of its tokens.";

/**
 * Checks an uploaded signed token file against the tokens the server issued (HSM order). Every token
 * is reported, not only the first failure; tokens may come in any order and are matched by "unsigned".
 */
export function verifySignedTokenFile(params: { key: KeyObject; expected: Buffer[]; file: unknown }): SignedFileCheck {
  const { key, expected, file } = params;
  if (expected.length === 0) throw new RangeError("verifySignedTokenFile needs the tokens that were issued.");
  const parsed = parseTokenFile(file);
  if (!parsed.ok) return { ok: false, results: [], fileErrors: parsed.problems };

  const issued = new Set(expected.map((digest) => digest.toString("base64")));
  const firstSeen = new Map<string, number>();
  const fileErrors: string[] = [];
  const signedOver = new Map<number, string>();
  const results = parsed.file.tokens.map(({ unsigned, signed }, index): TokenCheck => {
    const earlier = firstSeen.get(unsigned);
    if (earlier !== undefined) {
      fileErrors.push(`Token ${index + 1} repeats token ${earlier + 1} (the same "unsigned" value); each token must appear once. ${FRESH}`);
      return { index, unsigned, ok: false, code: "duplicate", message: `This token repeats token ${earlier + 1}.`, fix: FRESH };
    }
    firstSeen.set(unsigned, index);
    if (!issued.has(unsigned)) {
      const message = `Token ${index + 1} (${short(unsigned)}) does not belong to this sign-in/registration: it may come from another token file.`;
      fileErrors.push(`${message} ${FRESH}`);
      return { index, unsigned, ok: false, code: "not_issued", message, fix: FRESH };
    }
    const result = verifyTokenSignature(key, Buffer.from(unsigned, "base64"), signed);
    if (result.ok) return { index, unsigned, ok: true };
    if (result.signedDigest) signedOver.set(index, result.signedDigest.toString("base64"));
    const { code } = result;
    const message = forToken(result.message, index + 1);
    const fix = result.fix === undefined ? undefined : forToken(result.fix, index + 1);
    return fix === undefined ? { index, unsigned, ok: false, code, message } : { index, unsigned, ok: false, code, message, fix };
  });

  for (const [index, digest] of signedOver) {
    const other = firstSeen.get(digest);
    if (other !== undefined && other !== index) {
      results[index].message = `This is the signature of token ${other + 1}, not of this token: each token must be signed separately and its signature put next to it.`;
    }
  }
  const missing = expected.map((digest, hsm) => ({ hsm, b64: digest.toString("base64") })).filter(({ b64 }) => !firstSeen.has(b64));
  if (missing.length > 0) {
    const list = missing.map(({ hsm, b64 }) => `token ${hsm + 1} (${short(b64)})`).join(", ");
    fileErrors.unshift(
      `The file has ${expected.length - missing.length} of the ${expected.length} tokens this challenge issued: ` +
        `${list} ${missing.length === 1 ? "is" : "are"} missing. Upload the whole file, with every token signed.`,
    );
  }
  return { ok: fileErrors.length === 0 && results.every((r) => r.ok), results, fileErrors };
}

/**
 * The well-formed "unsigned" tokens of an uploaded file (JSON text or parsed), to find the challenge
 * that issued them before verifying. Lenient: skips what it cannot read; [] when nothing is usable.
 */
export function findUnsignedDigests(file: unknown): Buffer[] {
  let value = file;
  if (typeof file === "string" || Buffer.isBuffer(file)) {
    const json = parseJsonText(file.toString());
    if (!json.ok) return [];
    value = json.value;
  }
  const tokens = (value as { tokens?: unknown } | null)?.tokens;
  if (!Array.isArray(tokens)) return [];
  const digests: Buffer[] = [];
  for (const token of tokens.slice(0, MAX_TOKENS)) {
    const unsigned = (token as { unsigned?: unknown } | null)?.unsigned;
    const bytes = typeof unsigned === "string" ? decodeStrictBase64(unsigned) : null;
    if (bytes?.length === TOKEN_BYTES) digests.push(bytes);
  }
  return digests;
}

function short(b64: string): string {
  return `starts "${b64.slice(0, 8)}"`;
}
