// Decrypts an encrypted PKCS#8 key (PBES2: PBKDF2 with HMAC-SHA-1/256/384/512, AES-128/256-CBC, what
// `openssl genpkey -aes256` and `openssl pkcs8 -topk8 -v2 aes-256-cbc` write) with WebCrypto alone.
import type { Bytes } from "./der";
import { children, DerError, expectTag, hex, readTlv, smallInteger, TAG } from "./der";
import { KeyFileError } from "./key-file";

const PBES2 = "2a864886f70d01050d";
const PBKDF2 = "2a864886f70d01050c";
const PRF: Record<string, string> = { "2a864886f70d0207": "SHA-1", "2a864886f70d0209": "SHA-256", "2a864886f70d020a": "SHA-384", "2a864886f70d020b": "SHA-512" };
// Chromium's WebCrypto has no 192-bit AES.
const AES_CBC: Record<string, number> = { "608648016503040102": 128, "60864801650304012a": 256 };
const UNSUPPORTED = "This key is encrypted in a way a browser cannot decrypt. Convert it once with openssl pkcs8 -topk8 -v2 aes-256-cbc -in user.key -out user.p8.key, or sign with openssl.";

type Params = { salt: Bytes; iterations: number; hash: string; aesBits: number; iv: Bytes; data: Bytes };

function readParams(der: Bytes): Params {
  try {
    const [algorithm, data] = children(expectTag(readTlv(der), TAG.SEQUENCE).value);
    const [scheme, pbes2] = children(expectTag(algorithm, TAG.SEQUENCE).value);
    if (hex(expectTag(scheme, TAG.OID).value) !== PBES2) throw new KeyFileError(UNSUPPORTED);
    const [kdf, cipher] = children(expectTag(pbes2, TAG.SEQUENCE).value);
    const [kdfOid, kdfParams] = children(expectTag(kdf, TAG.SEQUENCE).value);
    if (hex(expectTag(kdfOid, TAG.OID).value) !== PBKDF2) throw new KeyFileError(UNSUPPORTED);
    const fields = children(expectTag(kdfParams, TAG.SEQUENCE).value);
    const salt = expectTag(fields[0], TAG.OCTET_STRING).value;
    const iterations = smallInteger(fields[1]);
    const prf = fields.slice(2).find((f) => f.tag === TAG.SEQUENCE);
    const hash = prf ? PRF[hex(expectTag(children(prf.value)[0], TAG.OID).value)] : "SHA-1";
    const [cipherOid, iv] = children(expectTag(cipher, TAG.SEQUENCE).value);
    const aesBits = AES_CBC[hex(expectTag(cipherOid, TAG.OID).value)];
    if (!hash || !aesBits) throw new KeyFileError(UNSUPPORTED);
    return { salt, iterations, hash, aesBits, iv: expectTag(iv, TAG.OCTET_STRING).value, data: expectTag(data, TAG.OCTET_STRING).value };
  } catch (error) {
    if (error instanceof DerError || error instanceof TypeError) throw new KeyFileError("The encrypted key file is damaged.");
    throw error;
  }
}

/** The PKCS#8 DER inside; a wrong passphrase fails AES-CBC's padding check (or yields no key) and says so. */
export async function decryptPkcs8(der: Bytes, passphrase: string, subtle: SubtleCrypto): Promise<Bytes> {
  const p = readParams(der);
  if (!passphrase) throw new KeyFileError("This key is encrypted: enter its passphrase.");
  const base = await subtle.importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveKey"]);
  const aes = await subtle.deriveKey({ name: "PBKDF2", salt: p.salt, iterations: p.iterations, hash: p.hash }, base, { name: "AES-CBC", length: p.aesBits }, false, ["decrypt"]);
  try {
    const plain = new Uint8Array(await subtle.decrypt({ name: "AES-CBC", iv: p.iv }, aes, p.data));
    if (plain[0] !== TAG.SEQUENCE) throw new Error("not a key");
    return plain;
  } catch {
    throw new KeyFileError("The passphrase is wrong (the key could not be decrypted with it).");
  }
}
