// Signs tokens in this tab with WebCrypto. RSASSA-PKCS1-v1_5 hashes its input, so it signs each token's
// pre-image: the result is exactly what `openssl pkeyutl -sign -pkeyopt digest:sha256` makes over the token
// (the token being SHA-256 of the pre-image). The key is imported non-extractable and dropped afterwards.
import { fromBase64, toBase64 } from "./base64";
import { decryptPkcs8 } from "./encrypted-pkcs8";
import { KeyFileError, pkcs8FromPkcs1, readKeyFile, rsaPublicKey } from "./key-file";

export { KeyFileError };

/** One token to sign: the token (base64 of 32 bytes) and the pre-image it is the SHA-256 of. */
export type SigningItem = { token: string; preimage: string };
export type BrowserSignatures = { signatures: string[]; publicKeyPem: string; bits: number };

const ALGORITHM = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const;

export async function signWithKeyFile(keyText: string, passphrase: string, items: SigningItem[], subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<BrowserSignatures> {
  const file = readKeyFile(keyText);
  const pkcs8 = file.format === "pkcs1" ? pkcs8FromPkcs1(file.der) : file.format === "encrypted-pkcs8" ? await decryptPkcs8(file.der, passphrase, subtle) : file.der;
  try {
    const { publicKeyPem, bits } = rsaPublicKey(pkcs8);
    if (bits < 2048 || bits > 4096) throw new KeyFileError(`This is an RSA-${bits} key; MFA and quorum keys are RSA of 2048 to 4096 bits.`);
    let key: CryptoKey;
    try {
      key = await subtle.importKey("pkcs8", pkcs8, ALGORITHM, false, ["sign"]);
    } catch {
      throw new KeyFileError("This browser could not read the key file as an RSA private key.");
    }
    const signatures: string[] = [];
    for (const [i, item] of items.entries()) {
      const preimage = fromBase64(item.preimage);
      const token = toBase64(new Uint8Array(await subtle.digest("SHA-256", preimage)));
      if (token !== item.token) throw new KeyFileError(`Token ${i + 1} does not match what this page was given; download a new token file.`);
      signatures.push(toBase64(new Uint8Array(await subtle.sign(ALGORITHM, key, preimage))));
    }
    return { signatures, publicKeyPem, bits };
  } finally {
    // The decoded key bytes are ours to clear; the CryptoKey goes out of scope with this call.
    pkcs8.fill(0);
    file.der.fill(0);
  }
}
