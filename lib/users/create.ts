import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/actor";
import { authorize } from "../auth/guard";
import { hashPassword } from "../auth/password";
import { runOperation } from "../audit/operation";
import { now } from "../clock";
import { db } from "../db/client";
import { OpError } from "../errors";
import { consumeQuorumApproval } from "../quorum/consume";
import { parseInput } from "../validation";
import { passwordSchema, roleSchema, usernameSchema } from "./schemas";

export const createUserSchema = z.strictObject({
  username: usernameSchema,
  role: roleSchema,
  password: passwordSchema,
  approval: z.unknown().optional(),
});

export function usernameTaken(username: string) {
  return new OpError(409, `A user named ${username} already exists in this cluster (usernames are case-insensitive).`, {
    fieldErrors: { username: ["This username is taken (usernames are case-insensitive)."] },
  });
}

/** `user create` (admin). */
export async function createUser(ctx: Ctx, input: unknown): Promise<{ username: string; role: string }> {
  return runOperation(ctx, "user create", async (audit) => {
    const actor = authorize(ctx, "user create", { roles: ["admin"] });
    const data = parseInput(createUserSchema, input);
    audit.target = data.username;
    const exists = await db.user.findUnique({
      where: { clusterId_username: { clusterId: actor.clusterId, username: data.username } },
      select: { id: true },
    });
    if (exists) throw usernameTaken(data.username);
    const passwordHash = await hashPassword(data.password);
    try {
      return await db.$transaction(async (tx) => {
        await consumeQuorumApproval(tx, ctx, { service: "user", command: "user create", username: data.username, role: data.role }, data.approval);
        await tx.user.create({
          data: { clusterId: actor.clusterId, username: data.username, role: data.role, passwordHash, createdAt: now(), passwordChangedAt: now() },
        });
        await audit.success(tx, { after: { username: data.username, role: data.role } });
        return { username: data.username, role: data.role };
      });
    } catch (e) {
      if ((e as { code?: string }).code === "P2002") throw usernameTaken(data.username);
      throw e;
    }
  });
}
