import "server-only";
import { looksLikePrivateKey } from "../keys/private-key";

// Turns uploaded text into JSON, explaining failures by line and column without quoting the text
// (JSON.parse's own messages quote it, and an upload may hold anything, even a private key).

export const MAX_TOKEN_FILE_LENGTH = 256 * 1024;

export type JsonText = { ok: true; value: unknown } | { ok: false; message: string };

const FIX = "Upload the token file as cloudhsm-cli or this console wrote it, with only the \"signed\" values filled in.";

export function parseJsonText(text: string): JsonText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a BOM from Windows editors
  if (/^\s*$/.test(body)) return { ok: false, message: `The file is empty. ${FIX}` };
  if (body.length > MAX_TOKEN_FILE_LENGTH) {
    return { ok: false, message: `The file is ${body.length} characters; a token file is a few kilobytes. ${FIX}` };
  }
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    return { ok: false, message: explainJsonError(body, error instanceof Error ? error.message : "") };
  }
}

function explainJsonError(text: string, nodeMessage: string): string {
  if (looksLikePrivateKey(text)) {
    return (
      "This is a private key, not a token file. It was not stored. Treat the key as exposed: generate a new pair " +
      "(`openssl genrsa -out user.key 2048`) and register its public half (`openssl rsa -in user.key -pubout`)."
    );
  }
  const start = text.trimStart();
  if (start.startsWith("-----BEGIN")) return `The file is not valid JSON: it is a PEM file, not a token file. ${FIX}`;
  if (!start.startsWith("{")) return `The file is not valid JSON: a token file starts with "{". ${FIX}`;
  const position = /at position (\d+)/.exec(nodeMessage);
  if (/Unexpected end of JSON input/.test(nodeMessage) || (position && Number(position[1]) >= text.trimEnd().length)) {
    return `The file is not valid JSON: it ends too early, as if cut off. ${FIX}`;
  }
  const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : "";
  if (/Bad control character/.test(nodeMessage)) {
    return (
      `The file is not valid JSON${where}: a quoted value contains a line break. ` +
      "Paste each signature as one line, e.g. from `base64 -w0 token1.sig.bin` (macOS: `base64 -i token1.sig.bin`)."
    );
  }
  if (/non-whitespace character after JSON/.test(nodeMessage)) {
    return `The file is not valid JSON${where}: there is more text after the closing "}". ${FIX}`;
  }
  return `The file is not valid JSON${where ? `: the problem is${where}` : ""}. Check for a missing comma or quote, or a comma before "}" or "]". ${FIX}`;
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - before.lastIndexOf("\n");
  return `line ${line}, column ${column} (character ${position + 1})`;
}
