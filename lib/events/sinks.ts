import "server-only";
import { settings } from "../settings";

export type Sink = "webhook" | "syslog";

/** The sinks configured in the environment; an audit event is queued once for each. */
export function configuredSinks(): Sink[] {
  const s = settings();
  return [...(s.WEBHOOK_URL ? (["webhook"] as const) : []), ...(s.SYSLOG_URL ? (["syslog"] as const) : [])];
}
