import "server-only";
import { z } from "zod";

// Usernames are case-insensitive: checked as typed, then stored and compared in lowercase.
export const usernameSchema = z
  .string({ error: "Enter a username." })
  .trim()
  .min(1, "Enter a username.")
  .max(31, "A username has at most 31 characters.")
  .regex(/^[A-Za-z0-9_]+$/, "A username may contain only letters, digits and underscores (_).")
  .transform((s) => s.toLowerCase());

export const roleSchema = z.enum(["admin", "crypto-user"], {
  error: "Role must be admin or crypto-user (lowercase, as in cloudhsm-cli).",
});

// NIST 800-63B: length only, no composition rules.
export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(8, "A password has 8 to 64 characters.")
  .max(64, "A password has 8 to 64 characters.");

export const optionalFlag = z.boolean({ error: "Must be true or false." }).optional().default(false);
