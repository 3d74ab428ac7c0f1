import "server-only";
import { createHash, type KeyObject } from "node:crypto";

/**
 * Reproduces a key's fingerprint from its PEM file. The command prints base64 WITH its trailing "="
 * padding; the console shows the same value without the padding (as OpenSSH does), after "SHA256:".
 * Note that this is a hash of the SPKI DER, not the value `ssh-keygen -l` prints (which hashes the
 * SSH wire form of the key), so the two never match.
 */
export const FINGERPRINT_COMMAND = "openssl pkey -pubin -in key.pem -outform DER | openssl dgst -sha256 -binary | base64";

/** The same check starting from the private key, for users who only have user.key at hand. */
export const FINGERPRINT_FROM_PRIVATE_KEY_COMMAND =
  "openssl pkey -in user.key -pubout -outform DER | openssl dgst -sha256 -binary | base64";

export const FINGERPRINT_NOTE =
  'The command prints the fingerprint with a trailing "=" (base64 padding); the console shows it without the "=", after "SHA256:".';

const cache = new WeakMap<KeyObject, string>();

/** "SHA256:" + unpadded base64 of SHA-256 over the DER SubjectPublicKeyInfo. Cached per KeyObject. */
export function fingerprintOf(key: KeyObject): string {
  let fingerprint = cache.get(key);
  if (fingerprint === undefined) {
    if (key.type !== "public") throw new TypeError("fingerprintOf takes a public key");
    fingerprint = fingerprintOfSpkiDer(key.export({ type: "spki", format: "der" }));
    cache.set(key, fingerprint);
  }
  return fingerprint;
}

export function fingerprintOfSpkiDer(der: Buffer): string {
  return "SHA256:" + createHash("sha256").update(der).digest("base64").replace(/=+$/, "");
}

/** Lets parsePublicKeyPem hand over a fingerprint it already computed from the exported DER. */
export function rememberFingerprint(key: KeyObject, fingerprint: string): void {
  cache.set(key, fingerprint);
}

/**
 * Puts a fingerprint typed or pasted by a person into the displayed form, so it can be compared:
 * accepts the openssl command's output (with "=" padding, surrounding whitespace) with or without "SHA256:".
 * Returns null when it is not 43 characters of base64 (a SHA-256 digest).
 */
export function normaliseFingerprint(input: string): string | null {
  const bare = input.trim().replace(/^SHA256:/i, "").replace(/=+$/, "");
  return /^[A-Za-z0-9+/]{43}$/.test(bare) ? `SHA256:${bare}` : null;
}
