// Signing a token with a key that cannot leave its hardware (a PIV smart card, any PKCS#11 token) or its
// cloud service (AWS KMS). Every command signs the 32 token bytes as the SHA-256 digest they are.

export const DIGEST_INFO_SHA256 = "3031300d060960864801650304020105000420";
/** The DigestInfo prefix as printf octal escapes: POSIX printf (dash, bash, zsh, macOS) writes the bytes without xxd. */
export const DIGEST_INFO_PRINTF = DIGEST_INFO_SHA256.match(/../g)!.map((h) => "\\" + parseInt(h, 16).toString(8).padStart(3, "0")).join("");

export type Pkcs11Key = { module: string; id: string };

/** `pkcs11:id=%01;type=private` from a hex key id such as 01 (pkcs11-tool --id takes the same hex). */
export const pkcs11Uri = (id: string) => `pkcs11:id=${(id.match(/../g) ?? []).map((b) => `%${b}`).join("")};type=private`;

export const pkcs11Pin = "read -rs PKCS11_PIN && export PKCS11_PIN      # your token's PIN, not echoed (bash, zsh)";

/** `user` (MFA) or `quorum`: the public key file is named as in the openssl instructions. */
export type KeyName = "user" | "quorum";

export function pkcs11PublicKey(k: Pkcs11Key, name: KeyName = "user"): string {
  return [
    `pkcs11-tool --module ${k.module} --read-object --type pubkey --id ${k.id} --output-file ${name}.pub.der`,
    `openssl pkey -pubin -inform DER -in ${name}.pub.der -out ${name}.pub.pem`,
  ].join("\n");
}

/** The OpenSSL engine (libengine-pkcs11-openssl): the same pkeyutl command as with a key file. */
export function pkcs11EngineCommands(unsigned: string, n: number, k: Pkcs11Key): string {
  return [
    `echo '${unsigned}' | base64 -d > token${n}.bin`,
    `PKCS11_MODULE_PATH=${k.module} openssl pkeyutl -sign -engine pkcs11 -keyform engine -inkey '${pkcs11Uri(k.id)}' -passin env:PKCS11_PIN -pkeyopt digest:sha256 -in token${n}.bin -out token${n}.sig.bin`,
    `base64 -w0 token${n}.sig.bin`,
  ].join("\n");
}

/** pkcs11-tool (OpenSC): raw RSA-PKCS over the SHA-256 DigestInfo prefix followed by the token. */
export function pkcs11ToolCommands(unsigned: string, n: number, k: Pkcs11Key): string {
  return [
    `echo '${unsigned}' | base64 -d > token${n}.bin`,
    `{ printf '${DIGEST_INFO_PRINTF}'; cat token${n}.bin; } > token${n}.digestinfo`,
    `pkcs11-tool --module ${k.module} --login --pin env:PKCS11_PIN --sign --mechanism RSA-PKCS --id ${k.id} --input-file token${n}.digestinfo --output-file token${n}.sig.bin`,
    `base64 -w0 token${n}.sig.bin`,
  ].join("\n");
}

export function kmsPublicKey(keyId: string, name: KeyName = "user"): string {
  return `aws kms get-public-key --key-id ${keyId} --query PublicKey --output text | base64 -d > ${name}.pub.der\nopenssl pkey -pubin -inform DER -in ${name}.pub.der -out ${name}.pub.pem`;
}

/** AWS KMS signs a digest as it is with --message-type DIGEST and prints the signature in base64. */
export function kmsCommands(unsigned: string, n: number, keyId: string): string {
  return [
    `echo '${unsigned}' | base64 -d > token${n}.bin`,
    `aws kms sign --key-id ${keyId} --message fileb://token${n}.bin --message-type DIGEST --signing-algorithm RSASSA_PKCS1_V1_5_SHA_256 --query Signature --output text`,
  ].join("\n");
}
