import "server-only";
import { FINGERPRINT_FROM_PRIVATE_KEY_COMMAND } from "../keys/fingerprint";

// The commands people need to sign a token the way token-sign checks it. One place, so every
// message gives the same, tested instructions.

export const PKEYUTL_SIGN = "openssl pkeyutl -sign -inkey user.key -pkeyopt digest:sha256 -keyform PEM -in token1.bin -out token1.sig.bin";
export const ENCODE_SIGNATURE = "base64 -w0 token1.sig.bin";
export const ENCODE_SIGNATURE_MACOS = "base64 -i token1.sig.bin";

/** The whole procedure for one token, starting from its "unsigned" value. */
export function signingSteps(unsignedB64: string): string {
  return (
    `Decode the token: \`echo '${unsignedB64}' | base64 -d > token1.bin\`; ` +
    `sign the 32 bytes: \`${PKEYUTL_SIGN}\`; ` +
    `then put the output of \`${ENCODE_SIGNATURE}\` (macOS: \`${ENCODE_SIGNATURE_MACOS}\`) in the token's "signed" value.`
  );
}

export const SIGN_WITH_PKEYUTL =
  `The token is already a SHA-256 digest: sign it as it is with \`${PKEYUTL_SIGN}\`, ` +
  `then put the output of \`${ENCODE_SIGNATURE}\` in "signed".`;

export const DECODE_FIRST =
  "Decode the token first with `base64 -d token1.b64 > token1.bin` and sign token1.bin, the 32 raw bytes: " +
  `\`${PKEYUTL_SIGN}\`.`;

export const ENCODE_AS_IS =
  `Put the output of \`${ENCODE_SIGNATURE}\` (macOS: \`${ENCODE_SIGNATURE_MACOS}\`) in "signed" as it is: standard base64 with its "=" padding.`;

/**
 * The advice above names the first token's files (token1.bin, token1.sig.bin); for token n of a file it
 * names tokenN's, the files the console's own commands for that token make.
 */
export function forToken(text: string, n: number): string {
  return n === 1 ? text : text.replace(/\btoken1(?=\.(?:bin|sig\.bin|b64)\b)/g, `token${n}`);
}

export function checkYourKey(fingerprint: string): string {
  return (
    "Sign with the private key whose public half you registered. To check a private key, run " +
    `\`${FINGERPRINT_FROM_PRIVATE_KEY_COMMAND}\`: its output, without the trailing "=", must equal the part after "SHA256:" in ${fingerprint}. ` +
    "If you no longer have that key, register a new public key."
  );
}
