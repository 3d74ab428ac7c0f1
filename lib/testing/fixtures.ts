import { randomBytes } from "node:crypto";
import type { Actor, Ctx, Role } from "../auth/actor";
import { hashPassword } from "../auth/password";
import { createSession } from "../auth/sessions";
import { createClusterWithAdmin } from "../clusters/create";
import { db } from "../db/client";

export const meta = { ip: "203.0.113.7", userAgent: "integration-test" };
export const PASSWORD = "correct horse battery";

let cachedHash: Promise<string> | undefined;
const passwordHash = () => (cachedHash ??= hashPassword(PASSWORD));

export const unique = (prefix: string) => `${prefix}_${randomBytes(4).toString("hex")}`;

/** A cluster with HSMs and its first admin, plus a ready context for that admin. */
export async function makeCluster(hsms = 2) {
  const admin = unique("admin");
  const { cluster_id } = await createClusterWithAdmin(meta, { cluster_name: unique("cluster"), hsms, admin, password: PASSWORD }, "bootstrap");
  const ctx = await signedIn(cluster_id, admin);
  return { clusterId: cluster_id, admin, ctx };
}

export async function makeUser(clusterId: string, role: Role = "crypto-user", username = unique(role === "admin" ? "adm" : "cu")) {
  await db.user.create({ data: { clusterId, username, role, passwordHash: await passwordHash() } });
  return { username, ctx: await signedIn(clusterId, username) };
}

/** A context as a door builds it: from a real session row. */
export async function signedIn(clusterId: string, username: string, kind: "browser" | "api" = "api"): Promise<Ctx & { actor: Actor }> {
  const user = await db.user.findUniqueOrThrow({ where: { clusterId_username: { clusterId, username } } });
  const session = await createSession(db, user, kind, meta);
  return { actor: { userId: user.id, username, role: user.role as Role, clusterId, sessionId: session.id }, meta };
}

export const anonymous: Ctx = { actor: null, meta };

/** A snapshot of every table but the audit log, to prove that a refused operation changed nothing. */
export async function snapshot() {
  const [clusters, hsms, users, sessions] = await Promise.all([
    db.cluster.findMany({ orderBy: { id: "asc" } }),
    db.hsm.findMany({ orderBy: { id: "asc" } }),
    db.user.findMany({ orderBy: { id: "asc" }, omit: { passwordHash: false } }),
    db.session.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ clusters, hsms, users, sessions });
}
