import "server-only";
import { createHash } from "node:crypto";
import type { RequestMeta } from "../auth/actor";
import { now } from "../clock";
import { createClusterWithAdmin } from "../clusters/create";
import { db } from "../db/client";
import { OpError } from "../errors";
import { newSecret } from "../ids";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");
const LIFETIME_MS = 24 * 3600_000;

/**
 * On a first start with no cluster, issues a one-time setup token (older unused ones stop working)
 * and returns it for the start-up message; otherwise returns null.
 */
export async function issueSetupTokenIfEmpty(): Promise<string | null> {
  if ((await db.cluster.count()) > 0) return null;
  const token = newSecret();
  await db.$transaction([
    db.setupToken.updateMany({ where: { usedAt: null }, data: { usedAt: now() } }),
    db.setupToken.create({ data: { tokenHash: hash(token), createdAt: now(), expiresAt: new Date(now().getTime() + LIFETIME_MS) } }),
  ]);
  return token;
}

const invalid = () =>
  new OpError(404, "This setup link is not valid: it was used already, has expired, or a newer one was printed. Restart the server with an empty database for a new one, or use npm run bootstrap.");

export async function setupTokenIsValid(token: string): Promise<boolean> {
  const row = await db.setupToken.findUnique({ where: { tokenHash: hash(token) } });
  return Boolean(row && !row.usedAt && row.expiresAt > now() && (await db.cluster.count()) === 0);
}

/** The setup page's submit: the link is consumed in the same transaction that creates the cluster. */
export async function completeSetup(meta: RequestMeta, token: string, input: unknown) {
  if (!(await setupTokenIsValid(token))) throw invalid();
  return createClusterWithAdmin(meta, input, "setup", async (tx) => {
    const used = await tx.setupToken.updateMany({
      where: { tokenHash: hash(token), usedAt: null, expiresAt: { gt: now() } },
      data: { usedAt: now() },
    });
    if (used.count !== 1 || (await tx.cluster.count()) > 0) throw invalid();
  });
}
