import "server-only";

type TokenTimes = { expiresAt: Date; approvedAt: Date | null; usedAt: Date | null };

/** Approvals are collected until expiresAt; an approved token is used within `approved` seconds of approval. */
export function deadlineOf(token: TokenTimes, approvedSeconds: number): Date {
  return token.approvedAt ? new Date(token.approvedAt.getTime() + approvedSeconds * 1000) : token.expiresAt;
}

export function isLive(token: TokenTimes, approvedSeconds: number, at: Date): boolean {
  return !token.usedAt && at.getTime() <= deadlineOf(token, approvedSeconds).getTime();
}

export function secondsLeft(token: TokenTimes, approvedSeconds: number, at: Date): number {
  return Math.max(0, Math.ceil((deadlineOf(token, approvedSeconds).getTime() - at.getTime()) / 1000));
}

/** The quorum value that applies to a service, from the cluster row. */
export function requiredFor(cluster: { quorumUser: number; quorumQuorum: number }, service: string): number {
  return service === "quorum" ? cluster.quorumQuorum : cluster.quorumUser;
}
