import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/actor";
import { authorize } from "../auth/guard";
import { runOperation } from "../audit/operation";
import { now } from "../clock";
import { db } from "../db/client";
import { lockCluster } from "../db/locks";
import { OpError } from "../errors";
import { parseInput } from "../validation";
import { approvalFileText, buildApprovalData } from "./approval-file";
import { issueQuorumRegistration } from "./register";
import { canonicalOperation, COMMANDS, describeOperation, operationSchema, serviceSchema } from "./services";
import { isLive, requiredFor, secondsLeft } from "./timing";

export const generateSchema = z.strictObject({ service: serviceSchema, operation: operationSchema.optional() });

const registrationSchema = z.strictObject(
  { service: z.literal("registration") },
  { error: "The registration service takes no other field: it writes a registration token file for your own quorum key." },
);

/** Whether a generate request is cloudhsm-cli's `--service registration` (first-time quorum key registration). */
export const asksForRegistration = (input: unknown) =>
  typeof input === "object" && input !== null && (input as Record<string, unknown>).service === "registration";

/**
 * `quorum token-sign generate --service registration`: the registration token file of
 * `user change-quorum token-sign register`, exactly as that command's first step issues it.
 */
export async function generateRegistrationToken(ctx: Ctx, input: unknown) {
  parseInput(registrationSchema, input);
  return issueQuorumRegistration(ctx);
}

/**
 * `quorum token-sign generate` (admin): a token for one service, bound to the requester and this session.
 * With `operation` it approves that operation alone; without, the requester's next one of the service.
 */
export async function generateQuorumToken(ctx: Ctx, input: unknown) {
  return runOperation(ctx, "quorum token-sign generate", async (audit) => {
    const actor = authorize(ctx, "quorum token-sign generate", { roles: ["admin"] });
    const { service, operation } = parseInput(generateSchema, input);
    audit.target = service;
    if (operation && !COMMANDS[service].includes(operation.command)) {
      const message = `"${operation.command.slice(0, 60)}" is not an operation of the ${service} service; it covers ${COMMANDS[service].join(", ")}.`;
      throw new OpError(400, message, { fieldErrors: { command: [message] } });
    }
    if (operation?.command === "quorum token-sign set-quorum-value" && (!operation.service || operation.value === undefined)) {
      throw new OpError(400, "Name the service and the value to set (operation.service and operation.value).", { fieldErrors: { value: ["Name the service and the value."] } });
    }
    const op = operation ? canonicalOperation(operation) : null;
    return db.$transaction(async (tx) => {
      await lockCluster(tx, actor.clusterId); // one live token per admin and service, even when asked for twice at once
      const cluster = await tx.cluster.findUniqueOrThrow({ where: { id: actor.clusterId } });
      const t = now();
      const mine = await tx.quorumToken.findMany({ where: { requesterId: actor.userId, service, usedAt: null } });
      const live = mine.find((m) => isLive(m, cluster.timeoutApproved, t));
      if (live) {
        throw new OpError(409, `You already have a live quorum token for the ${service} service (${secondsLeft(live, cluster.timeoutApproved, t)} seconds left): use it, or delete it (quorum token-sign delete), then generate a new one. One live token per admin per service.`);
      }
      await tx.quorumToken.deleteMany({ where: { id: { in: mine.map((m) => m.id) } } }); // lapsed, never used
      const expiresAt = new Date(t.getTime() + cluster.timeoutGenerated * 1000);
      const data = buildApprovalData({ cluster: actor.clusterId, expires_at: expiresAt.toISOString(), operation: op, requester: actor.username, service });
      await tx.quorumToken.create({
        data: { clusterId: actor.clusterId, requesterId: actor.userId, sessionId: actor.sessionId, service, operation: op ? JSON.stringify(op) : null, approvalData: data.approvalData, token: data.token, createdAt: t, expiresAt },
      });
      const required = requiredFor(cluster, service);
      await audit.success(tx, { after: { service, operation: describeOperation(op, service), token: data.token, expires_at: expiresAt, approvals_required: required } });
      const text = approvalFileText(data.approvalData, data.token);
      return { approval_file: JSON.parse(text) as Record<string, unknown>, approval_file_text: text, approvals_required: required, expires_at: expiresAt };
    });
  });
}
