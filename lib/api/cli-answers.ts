import "server-only";
import type { TokenView } from "../quorum/list";

// What cloudhsm-cli answers, as the AWS CloudHSM user guide prints it, so that a script written against
// cloudhsm-cli's JSON works unchanged here (docs/decisions/0050-cloudhsm-cli-fidelity.md).
export const CLI_ANSWERS = {
  logout: "Logout successful",
  setQuorumValue: "Set Quorum Value successful",
  setTimeout: "Set token timeout successful",
  deleteTokens: "Deletion of quorum token(s) successful",
} as const;

type ListedToken = Pick<
  TokenView,
  "username" | "service" | "approvals_required" | "number_of_approvals" | "token_timeout_seconds" | "operation" | "description" | "approved_by" | "token"
>;

/** One `quorum token-sign list` entry: the CLI's hyphenated fields first, then the console's extras. */
export function toCliToken(t: ListedToken) {
  return {
    username: t.username,
    service: t.service,
    "approvals-required": t.approvals_required,
    "number-of-approvals": t.number_of_approvals,
    "token-timeout-seconds": t.token_timeout_seconds,
    "cluster-coverage": "full",
    operation: t.operation,
    description: t.description,
    approved_by: t.approved_by,
    token: t.token,
  };
}
