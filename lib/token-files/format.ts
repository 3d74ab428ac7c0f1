import "server-only";
import { z } from "zod";
import { parseJsonText } from "./json-text";
import { decodeStrictBase64 } from "./strict-base64";

// The MFA token file of cloudhsm-cli's token-sign strategy:
//   { "version": "2.0", "tokens": [ { "unsigned": "<base64 of 32 bytes>", "signed": "" }, ... ] }
// one token per HSM; "signed" is filled with the base64 RSA signature of the decoded token bytes.

export const TOKEN_FILE_VERSION = "2.0";
export const TOKEN_BYTES = 32;
export const MAX_TOKENS = 64;
/** A 4096-bit signature is 684 base64 characters; wrapped output adds line breaks. */
export const MAX_SIGNED_LENGTH = 4096;

const FRESH = 'Do not edit the "unsigned" values; if the file was changed, download a fresh token file.';

const unsignedSchema = z
  .string({ error: `"unsigned" must be a string: the base64 token as it was issued. ${FRESH}` })
  .superRefine((value, ctx) => {
    const bytes = decodeStrictBase64(value);
    if (!bytes) ctx.addIssue({ code: "custom", message: `"unsigned" is not base64. ${FRESH}` });
    else if (bytes.length !== TOKEN_BYTES) {
      ctx.addIssue({ code: "custom", message: `"unsigned" decodes to ${bytes.length} bytes; a token is ${TOKEN_BYTES} bytes. ${FRESH}` });
    }
  });

export const tokenSchema = z.object(
  {
    unsigned: unsignedSchema,
    signed: z
      .string({ error: '"signed" must be a string: "" before signing, then the base64 signature.' })
      .max(MAX_SIGNED_LENGTH, { error: `"signed" is longer than ${MAX_SIGNED_LENGTH} characters; a signature is at most 684 characters of base64.` }),
  },
  { error: 'each token must be an object like {"unsigned": "…", "signed": "…"}.' },
);

export const tokenFileSchema = z.object(
  {
    version: z.literal(TOKEN_FILE_VERSION, { error: (issue) => versionMessage(issue.input) }),
    tokens: z
      .array(tokenSchema, { error: 'The file has no "tokens" list: it must hold the tokens as they were issued. ' + FRESH })
      .min(1, { error: 'The "tokens" list is empty: the file must hold every token that was issued. ' + FRESH })
      .max(MAX_TOKENS, { error: `The file has more than ${MAX_TOKENS} tokens; a cluster has far fewer HSMs. ${FRESH}` }),
  },
  { error: 'A token file is a JSON object like {"version": "2.0", "tokens": [{"unsigned": "…", "signed": "…"}]}.' },
);

export type TokenFile = z.infer<typeof tokenFileSchema>;
export type Token = TokenFile["tokens"][number];
export type TokenFileParse = { ok: true; file: TokenFile } | { ok: false; message: string; problems: string[] };

/** Reads a token file from its JSON text or an already-parsed value. */
export function parseTokenFile(input: unknown): TokenFileParse {
  let value = input;
  if (typeof input === "string" || Buffer.isBuffer(input)) {
    const json = parseJsonText(typeof input === "string" ? input : input.toString("utf8"));
    if (!json.ok) return { ok: false, message: json.message, problems: [json.message] };
    value = json.value;
  }
  const result = tokenFileSchema.safeParse(value);
  if (result.success) return { ok: true, file: result.data };
  const problems = [...new Set(result.error.issues.map(describeIssue))].slice(0, 10);
  return { ok: false, message: problems.join(" "), problems };
}

/** A fresh unsigned file: one token per digest, in HSM order. */
export function buildUnsignedTokenFile(digests: Buffer[]): TokenFile {
  if (digests.length === 0) throw new RangeError("A token file needs at least one token.");
  for (const digest of digests) {
    if (digest.length !== TOKEN_BYTES) throw new RangeError(`A token is ${TOKEN_BYTES} bytes, got ${digest.length}.`);
  }
  return { version: TOKEN_FILE_VERSION, tokens: digests.map((d) => ({ unsigned: d.toString("base64"), signed: "" })) };
}

/** The file as text: keys in cloudhsm-cli's order, 2-space indent, trailing newline. */
export function serializeTokenFile(file: TokenFile): string {
  const tokens = file.tokens.map(({ unsigned, signed }) => ({ unsigned, signed }));
  return JSON.stringify({ version: file.version, tokens }, null, 2) + "\n";
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const [first, index] = issue.path;
  const message = issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
  return first === "tokens" && typeof index === "number" ? `Token ${index + 1}: ${issue.message}` : message;
}

function versionMessage(input: unknown): string {
  if (input === undefined) return `The file has no "version"; token files have "version": "${TOKEN_FILE_VERSION}".`;
  const shown = typeof input === "number" || (typeof input === "string" && /^[\w.\- ]{0,16}$/.test(input)) ? JSON.stringify(input) : "another value";
  return `"version" is ${shown}; this console reads token files with "version": "${TOKEN_FILE_VERSION}" (the string), as cloudhsm-cli writes them.`;
}
