// Signs token digests on this machine with node:crypto, byte for byte as
// `openssl pkeyutl -sign -inkey KEY -pkeyopt digest:sha256` does: RSASSA-PKCS1-v1_5 over the 32 token
// bytes taken as the SHA-256 digest (they are not hashed again). The private key never leaves the machine.
import { constants, createPrivateKey, createPublicKey, privateEncrypt } from "node:crypto";
import { readFileSync } from "node:fs";
import { ClientError } from "./errors.mjs";

// DER DigestInfo header for SHA-256 (RFC 8017, section 9.2, note 1); the 32 digest bytes follow it.
const SHA256_DIGEST_INFO = Buffer.from("3031300d060960864801650304020105000420", "hex");

/** The signature of one 32-byte token, as base64. */
export function signDigest(privateKey, digest) {
  if (digest.length !== 32) throw new ClientError(`A token is 32 bytes once base64-decoded; this one is ${digest.length}. Is this file a token file?`);
  const block = Buffer.concat([SHA256_DIGEST_INFO, digest]);
  return privateEncrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, block).toString("base64");
}

/** Reads an RSA private key (PEM or DER, encrypted or not); asks for the pass phrase when it is encrypted. */
export async function loadPrivateKey(path, askPassphrase) {
  let bytes;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new ClientError(`Cannot read the private key ${path}: ${e.code === "ENOENT" ? "no such file" : e.message}.`);
  }
  const format = bytes.includes("-----BEGIN") ? "pem" : "der";
  let key;
  try {
    key = createPrivateKey({ key: bytes, format, ...(format === "der" ? { type: "pkcs8" } : {}) });
  } catch (e) {
    const encrypted = e.code === "ERR_MISSING_PASSPHRASE" || /ENCRYPTED/.test(bytes.toString("latin1").slice(0, 200));
    if (!encrypted) throw notAKey(path, bytes);
    const passphrase = await askPassphrase(`Enter pass phrase for ${path}:`);
    try {
      key = createPrivateKey({ key: bytes, format, passphrase });
    } catch {
      throw new ClientError(`The pass phrase for ${path} is wrong, or the file is not a private key.`);
    }
  }
  if (key.asymmetricKeyType !== "rsa") {
    throw new ClientError(`${path} is a${key.asymmetricKeyType === "ec" ? "n" : ""} ${String(key.asymmetricKeyType).toUpperCase()} key; token-sign needs an RSA key (openssl genrsa -out user.key 2048).`);
  }
  return key;
}

function notAKey(path, bytes) {
  const text = bytes.toString("latin1");
  if (/BEGIN (RSA )?PUBLIC KEY|BEGIN CERTIFICATE/.test(text)) {
    return new ClientError(`${path} holds a public key or a certificate; --sign-with needs the private key (the file openssl genrsa wrote).`);
  }
  return new ClientError(`${path} is not a private key that can be read (PEM or DER).`);
}

/** The SPKI PEM of a private key's public half: what the console registers. */
export const publicPemOf = (privateKey) => createPublicKey(privateKey).export({ type: "spki", format: "pem" }).toString();

/** Fills every token's "signed" of an MFA or quorum-registration token file (`{ version, tokens: [...] }`). */
export function signTokenFile(file, privateKey) {
  if (!file || !Array.isArray(file.tokens)) throw new ClientError('This is not a token file: it has no "tokens" list.');
  return { ...file, tokens: file.tokens.map((t) => ({ ...t, signed: signDigest(privateKey, Buffer.from(String(t.unsigned ?? ""), "base64")) })) };
}

/** Adds (or replaces) `username`'s signature in a quorum approval file (`{ version, approval_data, token, signatures }`). */
export function signApprovalFile(file, privateKey, username) {
  if (!file || typeof file.token !== "string") throw new ClientError('This is not a quorum approval file: it has no "token".');
  const signature = signDigest(privateKey, Buffer.from(file.token, "base64"));
  const others = (Array.isArray(file.signatures) ? file.signatures : []).filter((s) => s?.username !== username);
  return { ...file, signatures: [...others, { username, signature }] };
}
