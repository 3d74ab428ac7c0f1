import "server-only";
import { now } from "../clock";
import type { Tx } from "../db/client";
import { OpError } from "../errors";

/** Marks a challenge used, once: of parallel submissions of the same file exactly one gets here first. */
export async function consumeChallenge(tx: Tx, id: string): Promise<void> {
  const at = now();
  const used = await tx.challenge.updateMany({ where: { id, consumedAt: null, expiresAt: { gt: at } }, data: { consumedAt: at } });
  if (used.count !== 1) {
    throw new OpError(409, "This token file was used already (or expired just now); a token file works once. Download a new one.", {
      fieldErrors: { signed_token_file: ["This token file was used already."] },
    });
  }
}
