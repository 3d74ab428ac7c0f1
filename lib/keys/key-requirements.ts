import "server-only";
import type { KeyObject } from "node:crypto";

// What token-sign accepts: plain RSA (rsaEncryption), 2048 to 4096 bits, public exponent 65537.
// AWS's CloudHSM instructions use 2048-bit keys; larger keys up to 4096 bits are accepted too.

export const MIN_RSA_BITS = 2048;
export const MAX_RSA_BITS = 4096;
export const RSA_EXPONENT = 65537n;

export type KeyRefusal = { code: "not_rsa" | "key_size" | "exponent"; message: string };

const NEED = `token-sign needs an RSA key of ${MIN_RSA_BITS} to ${MAX_RSA_BITS} bits`;
const MAKE_NEW =
  "Generate a new pair with `openssl genrsa -out user.key 2048` and upload its public half " +
  "(`openssl rsa -in user.key -pubout -out user.pub.pem`).";

/** Null when the key is fit for token-sign, otherwise what was found, what is needed and the fix. */
export function checkKeyRequirements(key: KeyObject): KeyRefusal | null {
  const type = key.asymmetricKeyType;
  if (type !== "rsa") {
    return { code: "not_rsa", message: `This is ${describeKeyType(key)}; ${NEED}. ${MAKE_NEW}` };
  }
  const { modulusLength: bits = 0, publicExponent } = key.asymmetricKeyDetails ?? {};
  if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
    const why = bits < MIN_RSA_BITS ? "too small to be safe" : "larger than token-sign accepts";
    return {
      code: "key_size",
      message: `This is an RSA key of ${bits} bits, ${why}; ${NEED} (2048 is what AWS's instructions use). ${MAKE_NEW}`,
    };
  }
  if (publicExponent !== RSA_EXPONENT) {
    return {
      code: "exponent",
      message:
        `This RSA key has public exponent ${String(publicExponent)}; token-sign needs exponent 65537 ` +
        `(what openssl uses unless told otherwise). ${MAKE_NEW}`,
    };
  }
  return null;
}

/** "an EC (prime256v1) key", "an Ed25519 key"... for messages. */
export function describeKeyType(key: KeyObject): string {
  const type = key.asymmetricKeyType;
  switch (type) {
    case "ec":
      return `an EC (${key.asymmetricKeyDetails?.namedCurve ?? "unknown curve"}) key`;
    case "ed25519":
      return "an Ed25519 key";
    case "ed448":
      return "an Ed448 key";
    case "x25519":
    case "x448":
      return `an ${type.toUpperCase()} key-agreement key`;
    case "dsa":
      return "a DSA key";
    case "rsa-pss":
      return "an RSA-PSS key (restricted to PSS signatures by its id-RSASSA-PSS algorithm)";
    case "rsa":
      return `an RSA key of ${key.asymmetricKeyDetails?.modulusLength ?? "unknown"} bits`;
    default:
      return `a ${type ?? "unknown"} key`;
  }
}
