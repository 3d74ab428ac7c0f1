import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** Fresh randomness in each token: 256 bits, well above the 128 a token needs to be unguessable. */
export const TOKEN_RANDOM_BYTES = 32;

export type NewToken = { preimage: Buffer; digest: Buffer };

/**
 * A new token for one HSM: SHA-256 of 32 fresh random bytes (the pre-image). The token is unique and
 * unguessable either way; keeping the pre-image lets a browser sign the token with WebCrypto, whose
 * RSASSA-PKCS1-v1_5 hashes its input: signing the pre-image there gives exactly the signature
 * `openssl pkeyutl -sign -pkeyopt digest:sha256` makes over the token (docs/decisions/0060).
 */
export function newToken(): NewToken {
  const preimage = randomBytes(TOKEN_RANDOM_BYTES);
  return { preimage, digest: createHash("sha256").update(preimage).digest() };
}
