import "server-only";

/**
 * The text of an uploaded file field, or else of a pasted text field of the same purpose; undefined when
 * neither was given. Sizes are bounded by the server-action body limit and by the parsers that read it.
 */
export async function uploadedText(formData: FormData, fileField: string, textField?: string): Promise<string | undefined> {
  const file = formData.get(fileField);
  if (file instanceof File && file.size > 0) return file.text();
  const text = textField ? formData.get(textField) : null;
  return typeof text === "string" && text.trim() ? text : undefined;
}

/** The `--approval` of a form: an uploaded approval file, or the approved token chosen from the list. */
export function approvalFrom(formData: FormData): Promise<string | undefined> {
  return uploadedText(formData, "approval_file", "approval_token");
}
