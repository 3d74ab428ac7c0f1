// Reads a private key file in the browser: PKCS#8, PKCS#1, or PKCS#8 encrypted with a passphrase (PBES2).
// The result is PKCS#8 DER for WebCrypto's importKey, and the public half as PEM for the registration forms.
import type { Bytes } from "./der";
import { fromBase64, toBase64 } from "./base64";
import { children, DerError, encodeTlv, expectTag, hex, readTlv, TAG } from "./der";

export class KeyFileError extends Error {}

const RSA_ENCRYPTION = "2a864886f70d010101";
const RSA_ALGORITHM = encodeTlv(TAG.SEQUENCE, encodeTlv(TAG.OID, Uint8Array.from([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01])), encodeTlv(TAG.NULL));
const OTHER_KEYS: Record<string, string> = {
  "2a8648ce3d0201": "an EC key",
  "2b6570": "an Ed25519 key",
  "2b6571": "an Ed448 key",
  "2a864886f70d01010a": "an RSA-PSS key",
};

const CONVERT = "openssl pkcs8 -topk8 -v2 aes-256-cbc -in user.key -out user.p8.key";

export type KeyFile = { format: "pkcs8" | "pkcs1" | "encrypted-pkcs8"; der: Bytes };

/**
 * The first BEGIN line and the text up to its own END line: one search each, linear in the file's length
 * (a lazy match to a back-reference would rescan the rest of the file for every BEGIN).
 */
function firstPemBlock(text: string): [string, string, string] | null {
  const begin = /-----BEGIN ([A-Z0-9 ]{1,40})-----/.exec(text);
  if (!begin) return null;
  const start = begin.index + begin[0].length;
  const end = text.indexOf(`-----END ${begin[1]}-----`, start);
  return end < 0 ? null : [begin[0], begin[1], text.slice(start, end)];
}

/** Finds the private key in the text of a key file and says plainly what it is when it is not one. */
export function readKeyFile(text: string): KeyFile {
  const block = firstPemBlock(text);
  if (!block) {
    throw new KeyFileError("This file is not a PEM private key. Pick the private key file you made with openssl genrsa: it starts with -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----.");
  }
  const [, label, body] = block;
  if (label === "PUBLIC KEY" || label === "RSA PUBLIC KEY") throw new KeyFileError("This is a public key. Signing needs the private key file (for example user.key).");
  if (label === "CERTIFICATE") throw new KeyFileError("This is a certificate, not a private key. Pick the private key file (for example user.key).");
  if (label === "EC PRIVATE KEY") throw new KeyFileError("This is an EC key; MFA and quorum keys are RSA (2048 to 4096 bits).");
  if (label === "OPENSSH PRIVATE KEY") throw new KeyFileError("This is an OpenSSH key; MFA and quorum keys are RSA keys in PEM, made with openssl genrsa.");
  if (label === "RSA PRIVATE KEY" && /Proc-Type:\s*4,ENCRYPTED/.test(body)) {
    throw new KeyFileError(`This key is encrypted in OpenSSL's old format, which a browser cannot decrypt. Convert it once with ${CONVERT}, then pick user.p8.key and give its passphrase.`);
  }
  const format = label === "PRIVATE KEY" ? "pkcs8" : label === "RSA PRIVATE KEY" ? "pkcs1" : label === "ENCRYPTED PRIVATE KEY" ? "encrypted-pkcs8" : null;
  if (!format) throw new KeyFileError(`This file holds a "${label.slice(0, 40)}", not an RSA private key.`);
  let der: Bytes;
  try {
    der = fromBase64(body);
  } catch {
    throw new KeyFileError("The key file is damaged: its base64 body cannot be read.");
  }
  return { format, der };
}

/** PKCS#1 RSAPrivateKey wrapped as PKCS#8 PrivateKeyInfo, the form WebCrypto imports. */
export function pkcs8FromPkcs1(pkcs1: Bytes): Bytes {
  return encodeTlv(TAG.SEQUENCE, encodeTlv(TAG.INTEGER, Uint8Array.from([0])), RSA_ALGORITHM, encodeTlv(TAG.OCTET_STRING, pkcs1));
}

/** The public half of a PKCS#8 RSA key, as SPKI PEM, and the modulus size in bits. */
export function rsaPublicKey(pkcs8: Bytes): { publicKeyPem: string; bits: number } {
  try {
    const [, algorithm, privateKey] = children(expectTag(readTlv(pkcs8), TAG.SEQUENCE).value);
    const oid = hex(expectTag(children(expectTag(algorithm, TAG.SEQUENCE).value)[0], TAG.OID).value);
    if (oid !== RSA_ENCRYPTION) throw new KeyFileError(`This is ${OTHER_KEYS[oid] ?? "not an RSA key"}; MFA and quorum keys are RSA (2048 to 4096 bits).`);
    const [, n, e] = children(expectTag(readTlv(expectTag(privateKey, TAG.OCTET_STRING).value), TAG.SEQUENCE).value);
    const modulus = expectTag(n, TAG.INTEGER).value;
    const spki = encodeTlv(TAG.SEQUENCE, RSA_ALGORITHM, encodeTlv(TAG.BIT_STRING, Uint8Array.from([0]), encodeTlv(TAG.SEQUENCE, n.raw, expectTag(e, TAG.INTEGER).raw)));
    return { publicKeyPem: pem("PUBLIC KEY", spki), bits: bitLength(modulus) };
  } catch (error) {
    if (error instanceof KeyFileError) throw error;
    if (error instanceof DerError || error instanceof TypeError) throw new KeyFileError("The key file is damaged or is not an RSA private key.");
    throw error;
  }
}

function bitLength(unsigned: Bytes): number {
  let i = 0;
  while (i < unsigned.length && unsigned[i] === 0) i++;
  if (i === unsigned.length) return 0;
  return (unsigned.length - i - 1) * 8 + (32 - Math.clz32(unsigned[i]));
}

function pem(label: string, der: Bytes): string {
  const body = toBase64(der).replace(/.{64}/g, "$&\n").replace(/\n$/, "");
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}
