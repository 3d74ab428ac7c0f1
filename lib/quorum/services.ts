import "server-only";
import { z } from "zod";
import { roleSchema, usernameSchema } from "../users/schemas";

// The admin services that quorum protects, with the CLI commands each one covers (as in CloudHSM).
export const SERVICES = ["user", "quorum"] as const;
export type Service = (typeof SERVICES)[number];

export const COMMANDS: Record<Service, readonly string[]> = {
  user: ["user create", "user delete", "user change-password", "user change-mfa"],
  quorum: ["quorum token-sign set-quorum-value"],
};

export const serviceSchema = z.enum(SERVICES, { error: "Service must be user or quorum (the admin services quorum protects)." });

/** What a token approves: the command and the body fields it names (the CLI's flags, snake_case). */
export const operationSchema = z
  .strictObject(
    {
      command: z.string({ error: 'Name the command, e.g. "user delete".' }).trim(),
      username: usernameSchema.optional(),
      role: roleSchema.optional(),
      service: serviceSchema.optional(),
      value: z.coerce.number({ error: "The value is a whole number from 1 to 8." }).int().min(1).max(8).optional(),
    },
    { error: 'The operation is an object like {"command": "user delete", "username": "bob", "role": "crypto-user"}.' },
  );

export type Operation = z.output<typeof operationSchema>;

/** The actual operation an approval is checked against: its command and every field a token may name. */
export type Approvable = { service: Service; command: string; username?: string; role?: string; targetService?: Service; value?: number };

/** The operation as stored and shown in approval data: fixed key order, absent fields left out. */
export function canonicalOperation(op: Operation): Record<string, string | number> {
  const out: Record<string, string | number> = { command: op.command };
  for (const key of ["role", "service", "username", "value"] as const) if (op[key] !== undefined) out[key] = op[key]!;
  return out;
}

/** Which named field of a token's operation differs from the actual one, or null when it approves it. */
export function mismatch(op: Record<string, string | number>, actual: Approvable): string | null {
  const real: Record<string, string | number | undefined> = {
    command: actual.command,
    username: actual.username,
    role: actual.role,
    service: actual.targetService,
    value: actual.value,
  };
  for (const [key, value] of Object.entries(op)) if (real[key] !== value) return key;
  return null;
}

/** An operation in plain words, for the approval views. */
export function describeOperation(op: Record<string, string | number> | null, service: string): string {
  if (!op) return `the requester's next operation of the ${service} service (any of: ${COMMANDS[service as Service]?.join(", ")})`;
  const who = op.username ? ` ${op.role ?? "user"} ${op.username}` : op.role ? ` a ${op.role}` : "";
  switch (op.command) {
    case "user create":
      return `create${who || " a user"}`;
    case "user delete":
      return `delete${who || " a user"}`;
    case "user change-password":
      return `change the password of${who || " a user"}`;
    case "user change-mfa":
      return `change the MFA of${who || " a user"}`;
    case "quorum token-sign set-quorum-value":
      return `set the quorum value of the ${op.service ?? "user or quorum"} service${op.value !== undefined ? ` to ${op.value}` : ""}`;
    default:
      return String(op.command);
  }
}
