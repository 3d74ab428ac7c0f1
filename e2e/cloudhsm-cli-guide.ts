// The example outputs of the AWS CloudHSM user guide's CloudHSM CLI reference (doc_source/cloudhsm_cli-*.md,
// quorum-auth-chsm-cli-*.md), transcribed. The guide's `quorum token-sign list` example lacks commas
// between fields; it is given here as the JSON it means. Where two pages differ, both are kept.

export const GUIDE_EXAMPLES: Record<string, { error_code: 0; data: unknown }[]> = {
  login: [{ error_code: 0, data: { username: "admin1", role: "admin" } }],
  "login mfa-token-sign": [{ error_code: 0, data: { username: "test_user", role: "admin" } }],
  logout: [{ error_code: 0, data: "Logout successful" }],
  "user list": [
    {
      error_code: 0,
      data: {
        users: [
          { username: "admin", role: "admin", locked: "false", mfa: [], quorum: [], "cluster-coverage": "full" },
          { username: "test_user", role: "admin", locked: "false", mfa: [{ strategy: "token-sign", status: "enabled" }], "cluster-coverage": "full" },
          { username: "admin1", role: "admin", locked: "false", mfa: [], quorum: [{ strategy: "token-sign", status: "enabled" }], "cluster-coverage": "full" },
        ],
      },
    },
  ],
  "user create": [{ error_code: 0, data: { username: "alice", role: "crypto-user" } }],
  "user delete": [{ error_code: 0, data: { username: "alice", role: "crypto-user" } }],
  "user change-password": [{ error_code: 0, data: { username: "bob", role: "crypto-user" } }],
  "user change-mfa token-sign": [{ error_code: 0, data: { username: "test_user", role: "admin" } }],
  "user change-quorum token-sign register": [{ error_code: 0, data: { username: "admin1", role: "admin" } }],
  "quorum token-sign generate": [
    { error_code: 0, data: { filepath: "/home/tfile" } }, // the command's page
    { error_code: 0, data: { path: "/home/tfile" } }, // the quorum how-to pages
  ],
  "quorum token-sign list": [
    {
      error_code: 0,
      data: {
        tokens: [
          { username: "admin", service: "quorum", "approvals-required": 2, "number-of-approvals": 0, "token-timeout-seconds": 397, "cluster-coverage": "full" },
        ],
      },
    },
  ],
  "quorum token-sign list-quorum-values": [{ error_code: 0, data: { user: 1, quorum: 1 } }],
  "quorum token-sign set-quorum-value": [{ error_code: 0, data: "Set Quorum Value successful" }],
  "quorum token-sign list-timeouts": [{ error_code: 0, data: { generated: 600, approved: 600 } }],
  "quorum token-sign set-timeout": [{ error_code: 0, data: "Set token timeout successful" }],
  "quorum token-sign delete": [{ error_code: 0, data: "Deletion of quorum token(s) successful" }],
};

// Values that are part of the format, not of the example: ours must say the same.
const FIXED = new Set(["cluster-coverage", "strategy", "status"]);

/**
 * Where `ours` breaks the shape of the guide's example: every field the guide shows is there with the same
 * JSON type (extra fields are allowed, as cloudhsm-cli's consumers ignore them); answers that are strings
 * are the same string; `locked` is "true" or "false"; list entries each match the guide's entries.
 */
export function shapeDifferences(ours: unknown, guide: unknown, at = "data"): string[] {
  if (typeof guide === "string" && at === "data") return ours === guide ? [] : [`${at}: "${String(ours)}" instead of "${guide}"`];
  if (Array.isArray(guide)) {
    if (!Array.isArray(ours)) return [`${at}: ${typeOf(ours)} instead of a list`];
    if (guide.length === 0) return [];
    const entry = template(guide);
    return ours.flatMap((o, i) => shapeDifferences(o, entry, `${at}[${i}]`));
  }
  if (guide !== null && typeof guide === "object") {
    if (ours === null || typeof ours !== "object" || Array.isArray(ours)) return [`${at}: ${typeOf(ours)} instead of an object`];
    return Object.entries(guide).flatMap(([k, v]) =>
      k in ours ? shapeDifferences((ours as Record<string, unknown>)[k], v, `${at}.${k}`).concat(fixed(k, (ours as Record<string, unknown>)[k], v, at)) : [`${at}.${k}: missing`],
    );
  }
  return typeOf(ours) === typeOf(guide) ? [] : [`${at}: ${typeOf(ours)} instead of ${typeOf(guide)}`];
}

/** One entry that has every field the guide's entries show (a list field taken where it is not empty). */
function template(entries: unknown[]): unknown {
  if (!entries.every((e) => e !== null && typeof e === "object" && !Array.isArray(e))) return entries[0];
  const out: Record<string, unknown> = {};
  for (const e of entries as Record<string, unknown>[]) {
    for (const [k, v] of Object.entries(e)) if (!(k in out) || (Array.isArray(out[k]) && (out[k] as unknown[]).length === 0)) out[k] = v;
  }
  return out;
}

function fixed(key: string, ours: unknown, guide: unknown, at: string): string[] {
  if (FIXED.has(key) && ours !== guide) return [`${at}.${key}: "${String(ours)}" instead of "${String(guide)}"`];
  if (key === "locked" && ours !== "true" && ours !== "false") return [`${at}.locked: ${JSON.stringify(ours)} instead of "true" or "false"`];
  return [];
}

const typeOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "a list" : typeof v);
