import "server-only";
import { constants, publicDecrypt, timingSafeEqual, type KeyObject } from "node:crypto";
import { fingerprintOf } from "../keys/fingerprint";
import { sha256DigestInfo } from "./digest-info";
import { TOKEN_BYTES } from "./format";
import { diagnoseBadPadding, diagnoseRecoveredBlock, fail, type TokenFailure } from "./signature-diagnosis";
import { checkYourKey, ENCODE_AS_IS, signingSteps } from "./signing-advice";
import { base64Problem, decodeWrappedBase64 } from "./strict-base64";

// token-sign's signature: RSASSA-PKCS1-v1_5 with SHA-256 where the 32 token bytes ARE the digest
// (`openssl pkeyutl -sign -pkeyopt digest:sha256`). crypto.verify("sha256", ...) would hash them
// again, so the signature is opened with publicDecrypt and the recovered block compared whole.

export type { TokenFailure, TokenFailureCode } from "./signature-diagnosis";
export type TokenResult = { ok: true } | TokenFailure;

const OK: TokenResult = Object.freeze({ ok: true as const });
const keySizes = new WeakMap<KeyObject, { bits: number; bytes: number }>();

export function verifyTokenSignature(key: KeyObject, digest: Buffer, signedB64: string): TokenResult {
  const { bits, bytes } = sizeOf(key);
  if (digest.length !== TOKEN_BYTES) throw new RangeError(`A token is ${TOKEN_BYTES} bytes, got ${digest.length}.`);
  if (/^\s*$/.test(signedB64)) {
    return fail("empty", 'This token has no signature: its "signed" value is empty.', signingSteps(digest.toString("base64")));
  }
  const signature = decodeWrappedBase64(signedB64);
  if (!signature) {
    return fail("not_base64", `The signature is not valid base64: ${base64Problem(signedB64)}.`, ENCODE_AS_IS);
  }
  if (signature.length !== bytes) return wrongLength(key, bits, bytes, signature, digest, signedB64);

  let block: Buffer;
  try {
    block = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature);
  } catch {
    return diagnoseBadPadding(key, bits, signature);
  }
  const expected = sha256DigestInfo(digest);
  if (block.length === expected.length && timingSafeEqual(block, expected)) return OK;
  return diagnoseRecoveredBlock(block, digest);
}

/** Modulus size of an RSA public key, looked up once per KeyObject. */
function sizeOf(key: KeyObject): { bits: number; bytes: number } {
  let size = keySizes.get(key);
  if (!size) {
    const bits = key.asymmetricKeyDetails?.modulusLength;
    if (key.type !== "public" || key.asymmetricKeyType !== "rsa" || !bits) {
      throw new TypeError("verifyTokenSignature needs an RSA public key");
    }
    size = { bits, bytes: Math.ceil(bits / 8) };
    keySizes.set(key, size);
  }
  return size;
}

function wrongLength(key: KeyObject, bits: number, bytes: number, signature: Buffer, digest: Buffer, text: string): TokenFailure {
  const found = `The signature is ${signature.length} bytes; a ${bits}-bit key makes ${bytes}-byte signatures.`;
  if (signature.equals(digest)) {
    return fail("wrong_length", `${found} This "signed" value is the token itself, copied from "unsigned".`, signingSteps(digest.toString("base64")));
  }
  const compact = text.replace(/\s+/g, "");
  if (compact.length === 2 * bytes && /^[0-9a-fA-F]+$/.test(compact)) {
    return fail("wrong_length", `${found} It is written in hex (as \`xxd -p\` prints), not base64.`, ENCODE_AS_IS);
  }
  if ([128, 256, 384, 512].includes(signature.length)) {
    const fingerprint = fingerprintOf(key);
    const message = `${found} ${signature.length} bytes is what a ${signature.length * 8}-bit key makes: it was signed with a different key than the registered one (${fingerprint}).`;
    return fail("wrong_length", message, checkYourKey(fingerprint));
  }
  return fail("wrong_length", `${found} The value looks cut off or padded.`, ENCODE_AS_IS);
}
