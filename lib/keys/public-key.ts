import "server-only";
import { createPublicKey, type KeyObject } from "node:crypto";
import { fingerprintOfSpkiDer, rememberFingerprint } from "./fingerprint";
import { checkKeyRequirements, type KeyRefusal } from "./key-requirements";
import { MAX_KEY_TEXT_LENGTH, refuseKeyText, type KeyTextRefusal } from "./key-text-refusals";
import { isCleanBase64Body, pemFromBlock, pemFromDer, scanPem } from "./pem-blocks";
import { looksLikePrivateKey, PRIVATE_KEY_MESSAGE } from "./private-key";

export type ParsedPublicKey = {
  ok: true;
  key: KeyObject;
  /** Modulus length in bits. */
  bits: number;
  /** "SHA256:" + unpadded base64 of SHA-256 over the SPKI DER; see FINGERPRINT_COMMAND. */
  fingerprint: string;
  /** The key as a normalised "-----BEGIN PUBLIC KEY-----" PEM (SPKI, 64-character lines): what to store. */
  spkiPem: string;
};

export type PublicKeyRefusalCode = KeyTextRefusal["code"] | KeyRefusal["code"] | "private_key" | "unreadable";
export type PublicKeyRefusal = { ok: false; code: PublicKeyRefusalCode; message: string };
export type PublicKeyParse = ParsedPublicKey | PublicKeyRefusal;

// Importing an SPKI key costs OpenSSL 3 more than one signature check, and the same stored key is
// parsed at every sign-in, so accepted keys are kept by their exact text (public data only; a refusal
// is never cached). Bounded: the least recently used entry is dropped first.
const CACHE_SIZE = 256;
const CACHEABLE_LENGTH = 4096;
const cache = new Map<string, ParsedPublicKey>();

/**
 * Parses a pasted or uploaded RSA public key in PEM (SPKI "PUBLIC KEY" or PKCS#1 "RSA PUBLIC KEY").
 * Private keys are recognised by their markers and refused before any parser sees the text; no
 * message ever quotes the text.
 */
export function parsePublicKeyPem(text: string): PublicKeyParse {
  if (typeof text !== "string") return refuse("empty", "No key was given: upload the PEM public key file.");
  const cached = cache.get(text);
  if (cached) {
    cache.delete(text);
    cache.set(text, cached);
    return cached;
  }
  const parsed = parseUncached(text);
  if (parsed.ok && text.length <= CACHEABLE_LENGTH) {
    cache.set(text, parsed);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  return parsed;
}

function parseUncached(text: string): PublicKeyParse {
  if (text.length > MAX_KEY_TEXT_LENGTH) {
    return refuse("too_large", `This is ${text.length} characters; a PEM public key is well under 2,000. Upload only the public key file.`);
  }
  if (looksLikePrivateKey(text)) return refuse("private_key", PRIVATE_KEY_MESSAGE);
  const found = refuseKeyText(text, scanPem(text));
  if ("code" in found) return refuse(found.code, found.message);
  if (!isCleanBase64Body(found.body)) {
    return refuse("unreadable", unreadable(found.label, "its body is not plain base64 (extra headers, stray characters or lost padding)"));
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pemFromBlock(found), format: "pem" });
  } catch {
    // OpenSSL's own error text is not shown: it says nothing a person can act on.
    return refuse("unreadable", unreadable(found.label, "its content is damaged or truncated"));
  }
  const problem = checkKeyRequirements(key);
  if (problem) return refuse(problem.code, problem.message);

  const der = key.export({ type: "spki", format: "der" });
  const fingerprint = fingerprintOfSpkiDer(der);
  rememberFingerprint(key, fingerprint);
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  return Object.freeze({ ok: true as const, key, bits, fingerprint, spkiPem: pemFromDer("PUBLIC KEY", der) });
}

function refuse(code: PublicKeyRefusalCode, message: string): PublicKeyRefusal {
  return { ok: false, code, message };
}

function unreadable(label: string, why: string): string {
  return (
    `The ${label} block could not be read: ${why}. ` +
    "Export the key again with `openssl rsa -in user.key -pubout -out user.pub.pem` and upload the file as it is."
  );
}

/** For keys this server stored itself (spkiPem): the KeyObject, or an Error if it is no longer acceptable. */
export function loadStoredPublicKey(spkiPem: string): KeyObject {
  const parsed = parsePublicKeyPem(spkiPem);
  if (!parsed.ok) throw new Error(`The stored public key cannot be used (${parsed.code}).`);
  return parsed.key;
}
