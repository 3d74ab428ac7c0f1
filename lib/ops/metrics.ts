import "server-only";
import client from "prom-client";

const P = "hsm_console_";

function create() {
  const register = client.register; // the default registry, shared with scripts/server.mjs's request histogram
  client.collectDefaultMetrics({ register });
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new client.Counter<L>({ name: P + name, help, labelNames, registers: [register] });
  return {
    register,
    signIns: counter("sign_ins_total", "Sign-in steps by factor (password, token-sign) and outcome (success, mfa_required, failure).", ["factor", "outcome"]),
    mfaVerifications: counter("mfa_verifications_total", "Token-sign MFA file checks (sign-in and registration) by result: ok or the failure code.", ["purpose", "result"]),
    lockouts: counter("lockouts_total", "Accounts locked after five failed sign-ins in a row.", []),
    quorumTokens: counter("quorum_tokens_total", "Quorum tokens by event: generated, approved (quorum met), used, expired.", ["event"]),
    quorumApprovals: counter("quorum_approvals_total", "Quorum approvals recorded (each approve operation that succeeded).", []),
    auditEvents: counter("audit_events_total", "Audit events written, by operation and outcome.", ["operation", "outcome"]),
    deliveries: counter("event_deliveries_total", "Audit events sent out, by sink (webhook, syslog) and outcome (delivered, failed).", ["sink", "outcome"]),
    outboxPending: new client.Gauge({ name: P + "outbox_pending", help: "Audit events waiting for a sink at the last delivery pass.", labelNames: ["sink"], registers: [register] }),
  };
}

export type Metrics = ReturnType<typeof create>;

// prom-client is an external package (next.config.ts), so this process has one registry; the metric
// objects are kept by key too, for the dev server's module reloads.
const KEY = Symbol.for("hsm-console.metrics");
const holder = globalThis as unknown as Record<symbol, Metrics | undefined>;

export function metrics(): Metrics {
  return (holder[KEY] ??= create());
}
