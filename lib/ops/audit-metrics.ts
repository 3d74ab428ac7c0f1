import "server-only";
import type { AuditEntry } from "../audit/record";
import { metrics } from "./metrics";

const FAILURE_CODES = new Set(["empty", "not_base64", "wrong_length", "dgst_mistake", "base64_text", "no_digest_info", "pss", "wrong_key", "other_digest", "mismatch", "duplicate", "not_issued", "missing"]);

/** The failure codes a token-sign check put in its audit reason ("[signature check: wrong_key, pss]"). */
function failureCodes(error: string | null | undefined): string[] {
  const listed = /\[signature check: ([a-z_, ]+)\]/.exec(error ?? "")?.[1];
  const codes = (listed ?? "").split(",").map((c) => c.trim()).filter((c) => FAILURE_CODES.has(c));
  return codes.length ? [...new Set(codes)] : ["other"];
}

/** Counts one written audit event into the operator's metrics: the seam between the domain and /metrics. */
export function countAuditEvent(e: AuditEntry): void {
  const m = metrics();
  const ok = e.outcome === "success";
  m.auditEvents.inc({ operation: e.operation, outcome: e.outcome });
  switch (e.operation) {
    case "login":
      m.signIns.inc({ factor: "password", outcome: !ok ? "failure" : e.after?.step ? "mfa_required" : "success" });
      break;
    case "login mfa-token-sign":
      m.signIns.inc({ factor: "token-sign", outcome: e.outcome });
      for (const result of ok ? ["ok"] : failureCodes(e.error)) m.mfaVerifications.inc({ purpose: "sign-in", result });
      break;
    case "user change-mfa token-sign":
      if (ok && e.after?.mfa_fingerprint) m.mfaVerifications.inc({ purpose: "registration", result: "ok" });
      if (!ok && /\[signature check:/.test(e.error ?? "")) for (const result of failureCodes(e.error)) m.mfaVerifications.inc({ purpose: "registration", result });
      break;
    case "user lock":
      m.lockouts.inc();
      break;
    case "quorum token-sign generate":
      if (ok) m.quorumTokens.inc({ event: "generated" });
      break;
    case "quorum token-sign approve":
      if (ok) {
        m.quorumApprovals.inc();
        const a = e.after as { number_of_approvals?: number; approvals_required?: number; approved_by?: unknown[] } | undefined;
        const n = a?.number_of_approvals ?? 0;
        const met = a?.approvals_required !== undefined && n >= a.approvals_required && n - (a.approved_by?.length ?? 0) < a.approvals_required;
        if (met) m.quorumTokens.inc({ event: "approved" });
      }
      break;
    case "quorum token-sign use":
      m.quorumTokens.inc({ event: "used" });
      break;
    case "quorum token-sign expire":
      m.quorumTokens.inc({ event: "expired" });
      break;
  }
}
