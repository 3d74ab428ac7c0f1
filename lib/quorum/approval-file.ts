import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { OpError } from "../errors";
import { parseJsonText } from "../token-files/json-text";
import { decodeStrictBase64 } from "../token-files/strict-base64";

// The quorum approval file of `quorum token-sign generate`, byte-compatible with cloudhsm-cli:
//   { "version": "2.0", "approval_data": "<base64>", "token": "<base64 SHA-256 of approval_data>",
//     "signatures": [ { "username": "<approver>", "signature": "<base64>" } ] }

export const REQUIRED = "Quorum approval is required for this operation";

export type ApprovalData = {
  cluster: string;
  expires_at: string;
  nonce: string;
  operation: Record<string, string | number> | null;
  requester: string;
  service: string;
};

export const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest();

/** Canonical JSON (sorted keys, no spaces) that an approver can read with `base64 -d`. */
export function buildApprovalData(fields: Omit<ApprovalData, "nonce">): { approvalData: string; token: string } {
  const data: ApprovalData = { ...fields, nonce: randomBytes(16).toString("base64") };
  const sorted = Object.fromEntries(Object.entries(data).sort(([a], [b]) => a.localeCompare(b)));
  const bytes = Buffer.from(JSON.stringify(sorted), "utf8");
  return { approvalData: bytes.toString("base64"), token: sha256(bytes).toString("base64") };
}

export function decodeApprovalData(approvalData: string): ApprovalData {
  return JSON.parse(Buffer.from(approvalData, "base64").toString("utf8")) as ApprovalData;
}

export function approvalFileText(approvalData: string, token: string, signatures: { username: string; signature: string }[] = []): string {
  return JSON.stringify({ version: "2.0", approval_data: approvalData, token, signatures }, null, 2) + "\n";
}

const b64 = (what: string) =>
  z.string({ error: `"${what}" must be a base64 string, as the console wrote it.` }).refine((s) => decodeStrictBase64(s) !== null, {
    error: `"${what}" is not valid base64; do not edit the approval file except to add signatures.`,
  });

const approvalFileSchema = z.object(
  {
    version: z.literal("2.0", { error: 'An approval file has "version": "2.0".' }),
    approval_data: b64("approval_data"),
    token: b64("token"),
    signatures: z
      .array(
        z.object(
          {
            username: z.string({ error: 'Each signature names its approver in "username".' }).trim().toLowerCase(),
            signature: z.string({ error: 'Each signature has its base64 value in "signature".' }).max(4096, '"signature" is too long for an RSA signature.'),
          },
          { error: 'Each entry of "signatures" is an object like {"username": "…", "signature": "…"}.' },
        ),
        { error: '"signatures" must be a list of {"username", "signature"} objects.' },
      )
      .max(16, "An approval file holds at most 16 signatures.")
      .optional()
      .default([]),
  },
  { error: 'An approval file is a JSON object like {"version": "2.0", "approval_data": "…", "token": "…", "signatures": []}.' },
);

export type ApprovalFile = z.output<typeof approvalFileSchema>;

/**
 * Reads an approval file (JSON text or parsed), and checks that its token is the SHA-256 of its
 * approval data. Every refusal starts with `prefix`, so the caller's reason is always said first.
 */
export function readApprovalFile(input: unknown, prefix = REQUIRED): ApprovalFile {
  let value = input;
  if (typeof input === "string") {
    const json = parseJsonText(input);
    if (!json.ok) throw new OpError(400, `${prefix}: the approval file could not be read. ${json.message.replace(/Upload the token file[^.]*\./, "Upload approval.json as the console generated it, adding only signatures.")}`);
    value = json.value;
  }
  const parsed = approvalFileSchema.safeParse(value);
  if (!parsed.success) {
    const message = [...new Set(parsed.error.issues.map((i) => i.message))].slice(0, 3).join(" ");
    throw new OpError(400, `${prefix}: the approval file is not in the expected format. ${message}`);
  }
  const file = parsed.data;
  const digest = decodeStrictBase64(file.token)!;
  if (digest.length !== 32 || !sha256(decodeStrictBase64(file.approval_data)!).equals(digest)) {
    throw new OpError(422, `${prefix}: the approval file was changed: its "token" is not the SHA-256 of its "approval_data". Use the file as the console generated it, adding only signatures.`, {
      auditReason: "tampered approval_data",
    });
  }
  return file;
}
