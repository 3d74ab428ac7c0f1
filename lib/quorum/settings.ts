import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/actor";
import { authorize } from "../auth/guard";
import { authorizeRead } from "../auth/authorize-read";
import { runOperation } from "../audit/operation";
import { db } from "../db/client";
import { lockCluster } from "../db/locks";
import { OpError } from "../errors";
import { parseInput } from "../validation";
import { consumeQuorumApproval } from "./consume";
import { countApprovers } from "./reachable";
import { serviceSchema } from "./services";

export const MAX_QUORUM_VALUE = 8;

/** `quorum token-sign list-quorum-values` (every signed-in user, as in the CLI). */
export async function listQuorumValues(ctx: Ctx) {
  const actor = await authorizeRead(ctx, "quorum token-sign list-quorum-values", { roles: ["admin", "crypto-user"] });
  const cluster = await db.cluster.findUniqueOrThrow({ where: { id: actor.clusterId } });
  return { user: cluster.quorumUser, quorum: cluster.quorumQuorum, approvers: await countApprovers(db, actor.clusterId) };
}

/** `quorum token-sign list-timeouts` (every signed-in user, as in the CLI): seconds to collect approvals, and to use an approved token. */
export async function listTimeouts(ctx: Ctx) {
  const actor = await authorizeRead(ctx, "quorum token-sign list-timeouts", { roles: ["admin", "crypto-user"] });
  const cluster = await db.cluster.findUniqueOrThrow({ where: { id: actor.clusterId } });
  return { generated: cluster.timeoutGenerated, approved: cluster.timeoutApproved };
}

export const setQuorumValueSchema = z.strictObject({
  service: serviceSchema,
  value: z.coerce
    .number({ error: "The value is a whole number from 1 to 8." })
    .int("The value is a whole number from 1 to 8.")
    .min(1, "The value is a whole number from 1 to 8.")
    .max(MAX_QUORUM_VALUE, "The value is a whole number from 1 to 8."),
  approval: z.unknown().optional(),
});

/** Advice, not a refusal: with exactly M approvers, losing one admin stops user management. */
export function valueWarning(value: number, approvers: number): string | undefined {
  if (value <= 1 || approvers >= value + 1) return undefined;
  return `Only ${approvers} admins have a quorum key: if one of them leaves or loses their key, ${value} approvals can no longer be collected. AWS advises at least ${value + 1}.`;
}

/**
 * A `quorum` value above the `user` value protects little: `user` operations (create, change-password)
 * make admins, and admins approve quorum changes. Said where the values are set, not refused: AWS allows it.
 */
export function orderWarning(values: { user: number; quorum: number }): string | undefined {
  if (values.quorum <= values.user) return undefined;
  const approvals = `${values.user} approval${values.user === 1 ? "" : "s"}`;
  return `The quorum value (${values.quorum}) is above the user value (${values.user}), which protects little: with ${approvals} under the user service, anyone can create admins, and those admins can then approve quorum changes. Set the user value to at least ${values.quorum}.`;
}

/** `quorum token-sign set-quorum-value` (admin): always under the approval of the current `quorum` value. */
export async function setQuorumValue(ctx: Ctx, input: unknown) {
  return runOperation(ctx, "quorum token-sign set-quorum-value", async (audit) => {
    const actor = authorize(ctx, "quorum token-sign set-quorum-value", { roles: ["admin"] });
    const { service, value, approval } = parseInput(setQuorumValueSchema, input);
    audit.target = service;
    return db.$transaction(async (tx) => {
      await lockCluster(tx, actor.clusterId);
      const cluster = await tx.cluster.findUniqueOrThrow({ where: { id: actor.clusterId } });
      const approvers = await countApprovers(tx, actor.clusterId);
      if (value > 1 && approvers < value) {
        const message = `The ${service} service cannot need ${value} approvals: only ${approvers} admin${approvers === 1 ? " has" : "s have"} a quorum key, so ${value} approvals could never be collected. Register more admins' quorum keys first.`;
        throw new OpError(409, message, { fieldErrors: { value: [message] } });
      }
      await consumeQuorumApproval(tx, ctx, { service: "quorum", command: "quorum token-sign set-quorum-value", targetService: service, value }, approval);
      const before = service === "user" ? cluster.quorumUser : cluster.quorumQuorum;
      await tx.cluster.update({ where: { id: cluster.id }, data: service === "user" ? { quorumUser: value } : { quorumQuorum: value } });
      await audit.success(tx, { before: { [service]: before }, after: { [service]: value } });
      const after = { user: cluster.quorumUser, quorum: cluster.quorumQuorum, [service]: value };
      const warning = [valueWarning(value, approvers), orderWarning(after)].filter(Boolean).join(" ");
      return { service, value, ...(warning ? { warning } : {}) };
    });
  });
}

const seconds = (name: string) =>
  z.coerce
    .number({ error: `${name} is a number of seconds.` })
    .int(`${name} is a whole number of seconds.`)
    .min(30, `${name} is at least 30 seconds.`)
    .max(86_400, `${name} is at most 86400 seconds (one day).`)
    .optional();

export const setTimeoutSchema = z
  .strictObject({ generated: seconds("generated"), approved: seconds("approved") })
  .refine((v) => v.generated !== undefined || v.approved !== undefined, { error: "Give generated, approved, or both (seconds)." });

/** `quorum token-sign set-timeout` (admin): `generated` applies to tokens generated from now on, `approved` when a token is used. */
export async function setQuorumTimeout(ctx: Ctx, input: unknown) {
  return runOperation(ctx, "quorum token-sign set-timeout", async (audit) => {
    const actor = authorize(ctx, "quorum token-sign set-timeout", { roles: ["admin"] });
    const data = parseInput(setTimeoutSchema, input);
    audit.target = Object.keys(data).join(", ");
    return db.$transaction(async (tx) => {
      await lockCluster(tx, actor.clusterId);
      const before = await tx.cluster.findUniqueOrThrow({ where: { id: actor.clusterId } });
      const after = await tx.cluster.update({
        where: { id: actor.clusterId },
        data: { ...(data.generated !== undefined ? { timeoutGenerated: data.generated } : {}), ...(data.approved !== undefined ? { timeoutApproved: data.approved } : {}) },
      });
      await audit.success(tx, {
        before: { generated: before.timeoutGenerated, approved: before.timeoutApproved },
        after: { generated: after.timeoutGenerated, approved: after.timeoutApproved },
      });
      return { generated: after.timeoutGenerated, approved: after.timeoutApproved };
    });
  });
}
