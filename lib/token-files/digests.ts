import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** Fresh randomness in each token: 256 bits, well above the 128 a token needs to be unguessable. */
export const TOKEN_RANDOM_BYTES = 32;

/**
 * A new token for one HSM: SHA-256 over (32 fresh random bytes || context as UTF-8). The context
 * (e.g. challenge id, user, HSM) ties the token to its purpose; the random bytes make every token unique.
 */
export function newTokenDigest(context: string): Buffer {
  return createHash("sha256").update(randomBytes(TOKEN_RANDOM_BYTES)).update(context, "utf8").digest();
}
