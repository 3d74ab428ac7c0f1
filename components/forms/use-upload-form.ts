"use client";
import { useActionState, useCallback, useState, type FormEvent } from "react";
import { idle, type FormState } from "@/lib/forms/types";
import { fileTooBig, OVERSIZE_PREFIX, UPLOAD_FILE_MAX_BYTES } from "@/lib/forms/upload-limits";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** A file field's error key: FileOrPaste names its file input `<field>_upload`. */
const fieldOf = (inputName: string) => inputName.replace(/_upload$/, "");

/** What the person typed, to put back into the form; passwords are never echoed into the page. */
function typedValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of formData) if (typeof value === "string" && !/password/i.test(name) && !name.startsWith("$")) out[name] = value;
  return out;
}

/**
 * `useActionState` for forms with file fields. A file far too big for a token file or key is refused in
 * the browser before anything is sent, with the form kept as it is; a form that still arrives over the
 * server's limit (scripts/server.mjs answers 413) comes back as the form's own error, not the error page.
 */
export function useUploadForm(action: Action) {
  const [refusal, setRefusal] = useState<FormState | null>(null);
  const guarded = useCallback<Action>(
    async (previous, formData) => {
      try {
        return await action(previous, formData);
      } catch (e) {
        const message = e instanceof Error ? e.message : "";
        if (!message.startsWith(OVERSIZE_PREFIX)) throw e;
        return { status: "error", message, values: typedValues(formData) };
      }
    },
    [action],
  );
  const [state, formAction] = useActionState(guarded, idle);
  const onSubmit = useCallback((event: FormEvent<HTMLFormElement>) => {
    const fieldErrors: Record<string, string[]> = {};
    for (const input of event.currentTarget.querySelectorAll<HTMLInputElement>('input[type="file"]')) {
      for (const file of input.files ?? []) {
        if (file.size > UPLOAD_FILE_MAX_BYTES) (fieldErrors[fieldOf(input.name)] ??= []).push(fileTooBig(file.name, file.size));
      }
    }
    const messages = Object.values(fieldErrors).flat();
    if (messages.length === 0) return setRefusal(null);
    event.preventDefault();
    setRefusal({ status: "error", message: messages.join(" "), fieldErrors });
  }, []);
  return [refusal ?? state, formAction, onSubmit] as const;
}
