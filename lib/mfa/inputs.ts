import "server-only";
import { z } from "zod";
import type { Db } from "../db/client";
import { OpError } from "../errors";
import { looksLikePrivateKey, parsePublicKeyPem, PRIVATE_KEY_MESSAGE, type ParsedPublicKey } from "../keys";
import { verifySignedTokenFile } from "../token-files";

/** A token file travels as a JSON object (API) or as the text of the file (upload or paste). */
export const tokenFileInput = z.union([z.string().max(256 * 1024, "The token file is over 256 KiB."), z.looseObject({})], {
  error: "Give the signed token file: the JSON object, or its text.",
});

export const publicKeyInput = z.string({ error: "Give the public key PEM (BEGIN PUBLIC KEY)." }).max(64 * 1024).min(1, "Give the public key PEM (BEGIN PUBLIC KEY).");

/** The most text one field may carry into any scan: a token file is a few KB, a public key under 2 KB. */
export const MAX_FIELD_TEXT = 256 * 1024;

/**
 * Refuses a private key wherever it was put, before anything parses, stores or logs the input. Over-size
 * fields are refused first, unread: no scan ever sees more than MAX_FIELD_TEXT characters.
 */
export function refusePrivateKeys(input: unknown): void {
  if (!input || typeof input !== "object") return;
  for (const [field, value] of Object.entries(input)) {
    const text = typeof value === "string" ? value : value && typeof value === "object" ? JSON.stringify(value) : "";
    if (text.length > MAX_FIELD_TEXT) {
      const message = `This is ${(text.length / 1024).toFixed(0)} KB; a token file is a few KB and a public key under 2 KB. Upload the file the console gave you, signed.`;
      throw new OpError(413, message, { fieldErrors: { [field]: [message] } });
    }
    if (text && looksLikePrivateKey(text)) {
      throw new OpError(422, PRIVATE_KEY_MESSAGE, {
        fieldErrors: { [field]: [PRIVATE_KEY_MESSAGE] },
        auditReason: `private key submitted in ${field}; refused, not stored`,
      });
    }
  }
}

/** The uploaded public key, checked: RSA 2048–4096 bits, exponent 65537, SPKI or PKCS#1 PEM. */
export function acceptPublicKey(text: string): ParsedPublicKey {
  const parsed = parsePublicKeyPem(text);
  if (parsed.ok) return parsed;
  throw new OpError(422, parsed.message, { fieldErrors: { public_key_pem: [parsed.message] } });
}

/** One person, one key: a key registered to another user of the cluster (as MFA or quorum key) is refused. */
export async function refuseKeyOfAnotherUser(client: Db, clusterId: string, userId: string, fingerprint: string): Promise<void> {
  const other = await client.user.findFirst({
    where: { clusterId, id: { not: userId }, OR: [{ mfaFingerprint: fingerprint }, { quorumFingerprint: fingerprint }] },
    select: { username: true },
  });
  if (other) {
    const message = `This key (${fingerprint}) is already registered to another user of this cluster. Each person needs their own key pair, so that a quorum counts one vote per person.`;
    throw new OpError(409, message, { fieldErrors: { public_key_pem: [message] } });
  }
}

/** Checks every token of the upload and, when any fails, refuses with each token's result. */
export function requireSignedTokens(key: ParsedPublicKey["key"], expected: Buffer[], file: unknown): void {
  const check = verifySignedTokenFile({ key, expected, file });
  if (check.ok) return;
  const perToken = check.results
    .filter((r) => !r.ok && r.code !== "duplicate" && r.code !== "not_issued")
    .map((r) => `Token ${r.index + 1}: ${r.message}${r.fix ? ` ${r.fix}` : ""}`);
  const failed = check.results.filter((r) => !r.ok).length;
  const summary = failed ? `${failed} of ${check.results.length} tokens did not verify.` : "The token file is incomplete.";
  const lines = [...check.fileErrors, ...perToken];
  const codes = [...new Set(check.results.flatMap((r) => (r.ok || !r.code ? [] : [r.code])))];
  throw new OpError(422, `${summary} ${lines.join(" ")}`, {
    fieldErrors: { signed_token_file: [summary] },
    auditReason: `signature check: ${codes.join(", ") || "missing"}`,
    data: { results: check.results, fileErrors: check.fileErrors },
  });
}
