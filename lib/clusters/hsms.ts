import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/actor";
import { authorize } from "../auth/guard";
import { runOperation } from "../audit/operation";
import { now } from "../clock";
import { db, type Db } from "../db/client";
import { lockCluster } from "../db/locks";
import { OpError } from "../errors";
import { newHsmId } from "../ids";
import { parseInput } from "../validation";

/** A cluster's HSMs in their stable order: the order of the tokens in every token file. */
export function listHsms(client: Db, clusterId: string) {
  return client.hsm.findMany({ where: { clusterId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

export const addHsmSchema = z.strictObject({
  label: z.string().trim().max(64, "A label has at most 64 characters.").optional(),
});

/** Adds an HSM (admin): later token files carry one more token. */
export async function addHsm(ctx: Ctx, input: unknown) {
  return runOperation(ctx, "hsm add", async (audit) => {
    const actor = authorize(ctx, "hsm add", { roles: ["admin"] });
    const { label } = parseInput(addHsmSchema, input);
    return db.$transaction(async (tx) => {
      await lockCluster(tx, actor.clusterId);
      const count = await tx.hsm.count({ where: { clusterId: actor.clusterId } });
      if (count >= 32) throw new OpError(409, "This cluster already has 32 HSMs, the most the console manages.");
      const hsm = await tx.hsm.create({
        data: { id: newHsmId(), clusterId: actor.clusterId, label: label || `HSM ${count + 1}`, createdAt: now() },
      });
      audit.target = hsm.id;
      await audit.success(tx, { after: { hsm_id: hsm.id, label: hsm.label, hsms: count + 1 } });
      return { hsm_id: hsm.id, label: hsm.label };
    });
  });
}

export const removeHsmSchema = z.strictObject({
  hsm_id: z.string({ error: "Name the HSM to remove (hsm_id)." }).trim().regex(/^hsm-[a-z0-9]+$/, "An HSM id looks like hsm-abc123."),
});

/** Removes an HSM (admin), never the last one. */
export async function removeHsm(ctx: Ctx, input: unknown) {
  return runOperation(ctx, "hsm remove", async (audit) => {
    const actor = authorize(ctx, "hsm remove", { roles: ["admin"] });
    const { hsm_id } = parseInput(removeHsmSchema, input);
    audit.target = hsm_id;
    return db.$transaction(async (tx) => {
      await lockCluster(tx, actor.clusterId); // never the last HSM, even when two are removed at once
      const hsm = await tx.hsm.findFirst({ where: { id: hsm_id, clusterId: actor.clusterId } });
      if (!hsm) throw new OpError(404, `There is no HSM ${hsm_id} in this cluster.`);
      const count = await tx.hsm.count({ where: { clusterId: actor.clusterId } });
      if (count <= 1) throw new OpError(409, "A cluster keeps at least one HSM; add another before removing this one.");
      await tx.hsm.delete({ where: { id: hsm.id } });
      await audit.success(tx, { before: { hsm_id, label: hsm.label, hsms: count }, after: { hsms: count - 1 } });
      return { hsm_id };
    });
  });
}
