import "server-only";
import { z } from "zod";
import type { Prisma } from "@prisma/client";
import type { Ctx } from "../auth/actor";
import { authorize } from "../auth/guard";
import { now } from "../clock";
import { db } from "../db/client";
import { settings } from "../settings";
import { parseInput } from "../validation";
import { roleSchema } from "./schemas";
import { tallyTotal } from "./tallies";
import { userListSelect, type UserRow } from "./view";

const KEY_BITS_ADVICE = "Use under_<bits>, such as under_3072 (keys under 128-bit strength).";

const state = z.enum(["enabled", "disabled"], { error: "Use enabled or disabled." });

export const listUsersSchema = z.object({
  search: z
    .string()
    .trim()
    .max(31, "Search for at most 31 characters.")
    .regex(/^[A-Za-z0-9_]*$/, "Usernames hold only letters, digits and underscores.")
    .optional()
    .transform((s) => s?.toLowerCase() || undefined),
  role: roleSchema.optional(),
  mfa: state.optional(),
  quorum: state.optional(),
  locked: z.enum(["true", "false"], { error: "Use true or false." }).optional(),
  key_bits: z
    .string()
    .regex(/^under_\d{4,5}$/, KEY_BITS_ADVICE)
    .transform((v) => Number(v.slice("under_".length)))
    .refine((bits) => bits > 2048 && bits <= 16_384, KEY_BITS_ADVICE)
    .optional(),
  key_age: z.enum(["over_1y"], { error: "Use over_1y (keys registered more than a year ago)." }).optional(),
  never_signed_in: z.enum(["true", "false"], { error: "Use true or false." }).optional(),
  page: z.coerce.number({ error: "Page must be a number." }).int().min(1, "Pages start at 1.").max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100, "At most 100 users a page.").default(25),
});

export type UserFilters = z.output<typeof listUsersSchema>;

/** Keys under this size need attention (KEY_ATTENTION_BELOW_BITS); at 2048, CloudHSM's size, none can. */
export const keyAttentionBits = () => settings().KEY_ATTENTION_BELOW_BITS;
export const KEY_MAX_AGE_DAYS = 365;

const hasKey = (on: "enabled" | "disabled" | undefined) => (on === undefined ? undefined : on === "enabled" ? { not: null } : null);

/**
 * Keys registered before this instant are "older than a year", by the console's clock, in whole UTC days: the
 * start of the day 365 days ago (the overview counts keys by registration day, decision 0094).
 */
export const keysOlderThan = () => {
  const t = now();
  return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()) - KEY_MAX_AGE_DAYS * 86_400_000);
};

/** The filters as a query: the users list, its exports and the overview's links all go through here. */
export function userWhere(clusterId: string, f: Partial<UserFilters>): Prisma.UserWhereInput {
  const yearAgo = keysOlderThan();
  const and: Prisma.UserWhereInput[] = [];
  if (f.key_bits) and.push({ OR: [{ mfaKeyBits: { lt: f.key_bits } }, { quorumKeyBits: { lt: f.key_bits } }] });
  if (f.key_age) and.push({ OR: [{ mfaRegisteredAt: { lt: yearAgo } }, { quorumRegisteredAt: { lt: yearAgo } }] });
  return {
    ...(and.length ? { AND: and } : {}),
    ...(f.never_signed_in ? { lastLoginAt: f.never_signed_in === "true" ? null : { not: null } } : {}),
    clusterId,
    // A prefix, as a range of the (clusterId, username) index: a "contains" search would read every user.
    // Usernames hold only [a-z0-9_], all below "~" (docs/decisions/0092).
    ...(f.search ? { username: { gte: f.search, lt: `${f.search}~` } } : {}),
    ...(f.role ? { role: f.role } : {}),
    ...(f.locked ? { locked: f.locked === "true" } : {}),
    ...(f.mfa ? { mfaFingerprint: hasKey(f.mfa) } : {}),
    ...(f.quorum ? { quorumFingerprint: hasKey(f.quorum) } : {}),
  };
}

/** How many users the filters select: from the tallies the database keeps when they hold it (decision 0094). */
async function matching(clusterId: string, f: UserFilters, where: Prisma.UserWhereInput): Promise<number> {
  const { page: _page, per_page: _perPage, ...filters } = f;
  return (await tallyTotal(clusterId, filters, keysOlderThan())) ?? db.user.count({ where });
}

/** `user list`: one page of the cluster's users, in username order, with the total that matched. */
export async function listUsers(ctx: Ctx, input: unknown): Promise<{ users: UserRow[]; total: number; filters: UserFilters }> {
  const actor = authorize(ctx, "user list", { roles: ["admin", "crypto-user"] });
  const filters = parseInput(listUsersSchema, input);
  const where = userWhere(actor.clusterId, filters);
  const [users, total] = await Promise.all([
    db.user.findMany({
      where,
      select: userListSelect,
      orderBy: { username: "asc" },
      skip: (filters.page - 1) * filters.per_page,
      take: filters.per_page,
    }),
    matching(actor.clusterId, filters, where),
  ]);
  return { users, total, filters };
}
