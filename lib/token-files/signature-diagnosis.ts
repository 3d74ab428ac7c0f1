import "server-only";
import { constants, createHash, publicDecrypt, type KeyObject } from "node:crypto";
import { fingerprintOf } from "../keys/fingerprint";
import { readDigestInfo } from "./digest-info";
import { checkYourKey, DECODE_FIRST, PKEYUTL_SIGN, SIGN_WITH_PKEYUTL, signingSteps } from "./signing-advice";

// Explains a signature that did not verify. Runs only on failures, so it may hash and decrypt again.
// These are diagnoses, not verification: whatever they find, the token is refused.

export type TokenFailure = {
  ok: false;
  code: TokenFailureCode;
  message: string;
  fix?: string;
  /** For "mismatch": the 32 bytes that were signed instead, so a caller can spot swapped signatures. */
  signedDigest?: Buffer;
};

export type TokenFailureCode =
  | "empty"
  | "not_base64"
  | "wrong_length"
  | "dgst_mistake"
  | "base64_text"
  | "no_digest_info"
  | "pss"
  | "wrong_key"
  | "other_digest"
  | "mismatch";

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest();

/** The signature has valid PKCS#1 v1.5 padding for this key, but the block is not DigestInfo(SHA-256, token). */
export function diagnoseRecoveredBlock(block: Buffer, digest: Buffer): TokenFailure {
  const tokenB64 = digest.toString("base64");
  const info = readDigestInfo(block);
  if (info?.hash === "SHA-256") {
    if (info.digest.equals(sha256(digest))) {
      const message =
        "The signature is over the SHA-256 of the token, not the token itself: it was made with `openssl dgst -sha256 -sign`, which hashes the token bytes again.";
      return fail("dgst_mistake", message, SIGN_WITH_PKEYUTL);
    }
    if (["", "\n", "\r\n"].some((end) => info.digest.equals(sha256(tokenB64 + end)))) {
      return fail("base64_text", "The signature is over the base64 text of the token, not its 32 decoded bytes (`openssl dgst -sha256 -sign` on the .b64 file).", DECODE_FIRST);
    }
    const message = "The signature was made with the right key but over a different token: each token of the file must be signed separately.";
    return { ...fail("mismatch", message, signingSteps(tokenB64)), signedDigest: Buffer.from(info.digest) };
  }
  if (info) {
    const flag = "-" + info.hash.toLowerCase().replace(/^sha-/, "sha").replace("/", "-");
    const made = hashOf(flag.slice(1), digest)?.equals(info.digest) ? ` (as \`openssl dgst ${flag} -sign\` makes)` : "";
    const message = `The signature uses ${info.hash}${made}; token-sign needs SHA-256 over the token bytes as they are.`;
    return fail("other_digest", message, `Sign with \`-pkeyopt digest:sha256\`: \`${PKEYUTL_SIGN}\`.`);
  }
  if (block.equals(digest)) {
    const message = "The signature is over the token bytes but without the SHA-256 marker (DigestInfo): it was made with `openssl pkeyutl -sign` without `-pkeyopt digest:sha256`.";
    return fail("no_digest_info", message, `Add \`-pkeyopt digest:sha256\`: \`${PKEYUTL_SIGN}\`.`);
  }
  if (block.toString("latin1").replace(/\r?\n$/, "") === tokenB64) {
    return fail("base64_text", "The signature is over the base64 text of the token, not its 32 decoded bytes (`openssl pkeyutl -sign` on the .b64 file).", DECODE_FIRST);
  }
  return fail("mismatch", "The signature was made with the right key but over something other than this token.", signingSteps(tokenB64));
}

/** PKCS#1 v1.5 padding did not check out: either RSA-PSS was used, or another key made the signature. */
export function diagnoseBadPadding(key: KeyObject, bits: number, signature: Buffer): TokenFailure {
  let encoded: Buffer | null = null;
  try {
    encoded = publicDecrypt({ key, padding: constants.RSA_NO_PADDING }, signature);
  } catch {
    // the signature is not even below the modulus: not from this key
  }
  const fingerprint = fingerprintOf(key);
  if (encoded && looksLikePss(encoded, bits)) {
    const message =
      "The signature uses RSA-PSS padding; token-sign needs PKCS#1 v1.5 padding. " +
      `(If you did not use PSS, the signature was made with a key other than the registered one, ${fingerprint}.)`;
    return fail("pss", message, `Sign again without \`-pkeyopt rsa_padding_mode:pss\`: \`${PKEYUTL_SIGN}\`.`);
  }
  const message = `This signature was not made with the private key that matches the public key you uploaded (fingerprint ${fingerprint}).`;
  return fail("wrong_key", message, checkYourKey(fingerprint));
}

/**
 * A heuristic, not a PSS verification: an EMSA-PSS encoded message ends in 0xbc and has its leftmost
 * 8*emLen - emBits bits clear (RFC 8017 section 9.1.1). A signature by another key passes this
 * by chance about once in 512 tries for a 2048-bit key; the pss message says so.
 */
function looksLikePss(encoded: Buffer, bits: number): boolean {
  if (encoded[encoded.length - 1] !== 0xbc) return false;
  const clearBits = 8 * encoded.length - (bits - 1);
  for (let i = 0; i < clearBits; i++) if (encoded[i >> 3] & (0x80 >> (i & 7))) return false;
  return true;
}

function hashOf(algorithm: string, data: Buffer): Buffer | null {
  try {
    return createHash(algorithm).update(data).digest();
  } catch {
    return null;
  }
}

export function fail(code: TokenFailureCode, message: string, fix?: string): TokenFailure {
  return fix === undefined ? { ok: false, code, message } : { ok: false, code, message, fix };
}
