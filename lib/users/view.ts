import "server-only";

/** The fields of a user that any signed-in user of the cluster may see (the CLI's `user list`). */
export const userListSelect = {
  username: true,
  role: true,
  locked: true,
  createdAt: true,
  lastLoginAt: true,
  mfaFingerprint: true,
  mfaKeyBits: true,
  mfaRegisteredAt: true,
  quorumFingerprint: true,
  quorumKeyBits: true,
  quorumRegisteredAt: true,
} as const;

export type UserRow = {
  username: string;
  role: string;
  locked: boolean;
  createdAt: Date;
  lastLoginAt: Date | null;
  mfaFingerprint: string | null;
  mfaKeyBits: number | null;
  mfaRegisteredAt: Date | null;
  quorumFingerprint: string | null;
  quorumKeyBits: number | null;
  quorumRegisteredAt: Date | null;
};

const strategy = (fingerprint: string | null) => (fingerprint ? [{ strategy: "token-sign", status: "enabled" }] : []);

/**
 * The API's shape: cloudhsm-cli's `user list` entry, field for field, then the console's extras
 * (fingerprints, sizes, dates). A console user exists on every HSM of its cluster, so its
 * cluster coverage is always "full".
 */
export function toApiUser(u: UserRow) {
  return {
    username: u.username,
    role: u.role,
    locked: u.locked ? "true" : "false",
    mfa: strategy(u.mfaFingerprint),
    quorum: strategy(u.quorumFingerprint),
    "cluster-coverage": "full",
    ...(u.mfaFingerprint ? { mfa_fingerprint: u.mfaFingerprint, mfa_key_bits: u.mfaKeyBits, mfa_registered_at: u.mfaRegisteredAt } : {}),
    ...(u.quorumFingerprint
      ? { quorum_fingerprint: u.quorumFingerprint, quorum_key_bits: u.quorumKeyBits, quorum_registered_at: u.quorumRegisteredAt }
      : {}),
    created_at: u.createdAt,
    last_login_at: u.lastLoginAt,
  };
}
