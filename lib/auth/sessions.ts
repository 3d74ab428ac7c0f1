import "server-only";
import { createHash } from "node:crypto";
import { db, type Db } from "../db/client";
import { isStorageError } from "../db/storage-errors";
import { logUnexpected } from "../log";
import { now } from "../clock";
import { newSecret } from "../ids";
import { settings } from "../settings";
import type { Actor, RequestMeta, Role } from "./actor";

export type SessionKind = "browser" | "api";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Opens a session; the secret is returned once and only its hash is stored. */
export async function createSession(
  client: Db,
  user: { id: string; clusterId: string },
  kind: SessionKind,
  meta: RequestMeta,
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = newSecret();
  const expiresAt = new Date(now().getTime() + settings().SESSION_MAX_HOURS * 3600_000);
  const row = await client.session.create({
    data: {
      tokenHash: hashToken(token),
      kind,
      userId: user.id,
      clusterId: user.clusterId,
      createdAt: now(),
      lastSeenAt: now(),
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent,
    },
  });
  return { id: row.id, token, expiresAt };
}

type Lookup = { id: string; kind: "browser" } | { token: string; kind: SessionKind };

/**
 * The session behind a request, checked on every request: not ended, not past its absolute or idle
 * expiry, and its user still exists and is not locked. Anything else is no session at all.
 */
export async function findActiveSession(lookup: Lookup): Promise<Actor | null> {
  const where = "id" in lookup ? { id: lookup.id } : { tokenHash: hashToken(lookup.token) };
  const row = await db.session.findUnique({
    where,
    include: { user: { select: { id: true, username: true, role: true, locked: true, clusterId: true } } },
  });
  const at = now();
  const idleMs = settings().SESSION_IDLE_MINUTES * 60_000;
  if (!row || row.kind !== lookup.kind || row.revokedAt || row.expiresAt <= at) return null;
  if (at.getTime() - row.lastSeenAt.getTime() > idleMs || row.user.locked) return null;
  if (at.getTime() - row.lastSeenAt.getTime() > 30_000) {
    // Only the idle clock: when storage is read-only or full, the session still reads (issue 8, item 4).
    await db.session.updateMany({ where: { id: row.id, revokedAt: null }, data: { lastSeenAt: at } }).catch((e) => {
      if (!isStorageError(e)) throw e;
      logStorageOnce(e);
    });
  }
  return {
    userId: row.user.id,
    username: row.user.username,
    role: row.user.role as Role,
    clusterId: row.user.clusterId,
    sessionId: row.id,
  };
}

/** Exchanges a browser session's one-time hand-over secret for its id (next-auth's sign-in step). */
export async function claimBrowserSession(token: string): Promise<string | null> {
  const tokenHash = hashToken(token);
  const row = await db.session.findUnique({ where: { tokenHash }, select: { id: true, kind: true } });
  if (!row || row.kind !== "browser") return null;
  const claimed = await db.session.updateMany({ where: { id: row.id, tokenHash, revokedAt: null }, data: { tokenHash: null } });
  return claimed.count === 1 ? row.id : null;
}

export async function endSession(id: string): Promise<void> {
  await db.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now() } });
}

/** Ends a user's sessions (all of them, or all but the one making the change). */
export async function endUserSessions(client: Db, userId: string, exceptSessionId?: string): Promise<number> {
  const result = await client.session.updateMany({
    where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
    data: { revokedAt: now() },
  });
  return result.count;
}

let storageLogged = 0;
function logStorageOnce(e: unknown) {
  if (Date.now() - storageLogged < 60_000) return;
  storageLogged = Date.now();
  logUnexpected("session last-seen refresh (storage not writable; sessions keep working for reads)", e);
}
