import "server-only";
import { UnexpectedError } from "../audit/operation";
import { OpError } from "../errors";
import { logUnexpected } from "../log";
import type { FormState } from "./types";

/** Turns an operation's failure into what the form shows; unexpected ones are logged, never shown raw. */
export function formError(e: unknown, values: Record<string, string> = {}): FormState {
  if (e instanceof OpError) {
    const fieldErrors = e.details.fieldErrors;
    const fieldKeys = Object.keys(fieldErrors ?? {});
    const message =
      !fieldErrors || fieldErrors.form ? e.message
      : fieldKeys.length === 1 && e.details.data ? `${fieldErrors[fieldKeys[0]][0]} Nothing was changed; fix what is listed and upload again.`
      : "Please correct the fields marked below; nothing was changed.";
    return {
      status: "error",
      message,
      fieldErrors,
      values,
      data: e.details.data as Record<string, unknown> | undefined,
    };
  }
  if (e instanceof UnexpectedError) return { status: "error", message: e.message, values };
  const id = logUnexpected("form", e);
  return { status: "error", message: `Something went wrong on the server (error ${id}); nothing was changed.`, values };
}

/** Reads named text fields of a form; absent fields stay undefined so the schema says what is missing. */
export function fields(formData: FormData, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const v = formData.get(name);
    if (typeof v === "string") out[name] = v;
  }
  return out;
}

