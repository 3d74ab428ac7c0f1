import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/actor";
import { authorize } from "../auth/guard";
import { runOperation } from "../audit/operation";
import { now } from "../clock";
import { db } from "../db/client";
import { batches, rowStream, type Column } from "../reports/stream";
import { parseInput } from "../validation";
import { listUsersSchema, userWhere } from "./list";
import { userListSelect, type UserRow } from "./view";

export const userReportSchema = listUsersSchema.omit({ page: true, per_page: true }).extend({
  format: z.enum(["csv", "json"], { error: "Choose format=csv or format=json." }),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A credential report in the spirit of AWS IAM's: one row per user, the same columns in CSV and JSON. */
export const reportColumns: readonly Column<UserRow>[] = [
  ["username", (u) => u.username],
  ["role", (u) => u.role],
  ["locked", (u) => u.locked],
  ["mfa", (u) => (u.mfaFingerprint ? "token-sign" : "none")],
  ["mfa_fingerprint", (u) => u.mfaFingerprint],
  ["mfa_key_bits", (u) => u.mfaKeyBits],
  ["mfa_registered_at", (u) => iso(u.mfaRegisteredAt)],
  ["quorum", (u) => (u.quorumFingerprint ? "token-sign" : "none")],
  ["quorum_fingerprint", (u) => u.quorumFingerprint],
  ["quorum_key_bits", (u) => u.quorumKeyBits],
  ["quorum_registered_at", (u) => iso(u.quorumRegisteredAt)],
  ["created_at", (u) => iso(u.createdAt)],
  ["last_sign_in_at", (u) => iso(u.lastLoginAt)],
];

const BATCH = 1000;

/**
 * `user report` (admins): the filtered users list as a file, streamed in username order. Crypto users
 * page through `user list` instead: a bulk credential report is the admins' review tool (decision 0023).
 */
export async function userReport(ctx: Ctx, input: unknown) {
  return runOperation(ctx, "user report", async (audit) => {
    const actor = authorize(ctx, "user report", { roles: ["admin"] });
    const { format, ...filters } = parseInput(userReportSchema, input);
    const where = userWhere(actor.clusterId, filters);
    await audit.success(db, { after: { format, filters } });
    const rows = batches(
      (after: string | undefined) =>
        db.user.findMany({ where: after ? { AND: [where, { username: { gt: after } }] } : where, select: userListSelect, orderBy: { username: "asc" }, take: BATCH }),
      (u) => u.username,
      BATCH,
    );
    const generatedAt = now().toISOString();
    const stream = rowStream(rows, format, reportColumns, { key: "users", head: { cluster_id: actor.clusterId, generated_at: generatedAt, filters } });
    return { stream, format, filename: `credential-report-${actor.clusterId}-${generatedAt.slice(0, 10)}` };
  });
}
