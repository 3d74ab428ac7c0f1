import "server-only";
import type { z } from "zod";
import { OpError, type FieldErrors } from "./errors";

/** Parses input with a schema; a failure becomes a 400 that names each field in the user's words. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "form";
    const message = issue.code === "unrecognized_keys" ? `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}.` : issue.message;
    (fieldErrors[key] ??= []).push(message);
  }
  const summary = Object.entries(fieldErrors)
    .map(([field, messages]) => (field === "form" ? messages[0] : `${field}: ${messages[0]}`))
    .join(" ");
  throw new OpError(400, summary, { fieldErrors });
}
