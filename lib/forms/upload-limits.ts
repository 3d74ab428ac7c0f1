// Shared by the browser (checked before sending), next.config.ts (the server-action body limit) and
// scripts/server.mjs (the over-size answer). Decision 0040 says why these numbers.
import limits from "./upload-limits.json";

/** The most one uploaded file may hold: a token file for 32 HSMs or a PEM key is a few KB. */
export const UPLOAD_FILE_MAX_BYTES: number = limits.fileMaxBytes;
/** The most a whole form may send to a server action. */
export const FORM_BODY_MAX_BYTES: number = limits.formBodyMaxBytes;

/** "5 MB", "1.5 MB", "300 KB": what a person reads about a file's size. */
export function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The refusal of a file that is far too big to be what the field asks for. */
export function fileTooBig(name: string, bytes: number): string {
  return `${name}: the file is ${describeSize(bytes)}; a token file is a few KB. Choose the right file; nothing was sent.`;
}

// scripts/server.mjs answers an over-size form with a sentence that starts with this; the form shows it.
export const OVERSIZE_PREFIX = "The form is ";
