import "server-only";
import { z } from "zod";
import type { RequestMeta } from "../auth/actor";
import { hashPassword } from "../auth/password";
import { recordAudit } from "../audit/record";
import { now } from "../clock";
import { db, type Tx } from "../db/client";
import { OpError } from "../errors";
import { newClusterId, newHsmId } from "../ids";
import { parseInput } from "../validation";
import { passwordSchema, usernameSchema } from "../users/schemas";

export const clusterNameSchema = z
  .string({ error: "Enter a cluster name." })
  .trim()
  .min(1, "Enter a cluster name.")
  .max(64, "A cluster name has at most 64 characters.")
  .regex(/^[\w .-]+$/, "A cluster name may contain letters, digits, spaces, dots, dashes and underscores.");

export const createClusterSchema = z.strictObject({
  cluster_name: clusterNameSchema,
  hsms: z.coerce.number({ error: "Give the number of HSMs." }).int("Give a whole number of HSMs.").min(1, "A cluster has at least one HSM.").max(32, "At most 32 HSMs."),
  admin: usernameSchema,
  password: passwordSchema,
});

/**
 * Creates a cluster, its HSMs and its first admin in one transaction (bootstrap and the setup page).
 * `inside` lets the caller consume its own one-time permission in the same transaction.
 */
export async function createClusterWithAdmin(
  meta: RequestMeta,
  input: unknown,
  via: "bootstrap" | "setup",
  inside?: (tx: Tx) => Promise<void>,
): Promise<{ cluster_id: string; username: string }> {
  const data = parseInput(createClusterSchema, input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.$transaction(async (tx) => {
      await inside?.(tx);
      const cluster = await tx.cluster.create({ data: { id: newClusterId(), name: data.cluster_name, createdAt: now() } });
      for (let i = 1; i <= data.hsms; i++) {
        await tx.hsm.create({ data: { id: newHsmId(), clusterId: cluster.id, label: `HSM ${i}`, createdAt: new Date(now().getTime() + i) } });
      }
      const admin = await tx.user.create({
        data: { clusterId: cluster.id, username: data.admin, role: "admin", passwordHash, createdAt: now(), passwordChangedAt: now() },
      });
      await recordAudit(tx, {
        clusterId: cluster.id,
        actor: { userId: admin.id, username: admin.username, role: "admin" },
        operation: `cluster create (${via})`,
        target: cluster.id,
        outcome: "success",
        meta,
        after: { name: cluster.name, hsms: data.hsms, admin: admin.username },
      });
      return { cluster_id: cluster.id, username: admin.username };
    });
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") {
      throw new OpError(409, `A cluster named "${data.cluster_name}" already exists; choose another name.`, {
        fieldErrors: { cluster_name: ["This name is taken."] },
      });
    }
    throw e;
  }
}
