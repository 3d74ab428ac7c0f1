import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FieldChanges } from "@/components/audit/field-changes";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { utcSeconds } from "@/components/ui/dates";
import { LocalTime } from "@/components/ui/local-time";
import { requirePageActor } from "@/lib/auth/browser";
import { getAuditEvent } from "@/lib/audit/list";
import { OpError } from "@/lib/errors";

export async function generateMetadata({ params }: { params: Promise<{ seq: string }> }): Promise<Metadata> {
  return { title: `Audit event ${(await params).seq}` };
}

export default async function AuditEventPage({ params }: { params: Promise<{ seq: string }> }) {
  const ctx = await requirePageActor();
  const seq = (await params).seq;
  let event;
  try {
    event = await getAuditEvent(ctx, /^\d{1,12}$/.test(seq) ? Number(seq) : NaN);
  } catch (e) {
    if (e instanceof OpError && e.status === 404) notFound();
    if (e instanceof OpError) return <Alert tone="error" title="Admins only">{e.message}</Alert>;
    throw e;
  }
  const rows: [string, React.ReactNode][] = [
    ["Time", <>{utcSeconds(event.time)}<LocalTime iso={event.time} /></>],
    ["Actor", event.actor ? `${event.actor} (${event.actor_role})` : "(none)"],
    ["Operation", <code key="op" className="font-mono">{event.operation}</code>],
    ["Target", event.target ?? "(none)"],
    ["Outcome", event.outcome === "success" ? <Badge key="o" tone="good">Success</Badge> : <Badge key="o" tone="bad">Failure</Badge>],
    ["Error", event.error ?? "—"],
    ["Client address", <span key="ip" className="font-mono">{event.ip}</span>],
    ["User agent", event.user_agent || "—"],
    ["Event id", <span key="id" className="font-mono text-xs">{event.id}</span>],
    ["Hash", <span key="h" className="break-all font-mono text-xs">{event.hash}</span>],
    ["Previous hash", <span key="p" className="break-all font-mono text-xs">{event.prev_hash}</span>],
  ];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/audit" className="text-sky-700 hover:underline dark:text-sky-400">← Audit log</Link>
      </p>
      <PageHeader title={`Event ${event.seq}`} description={`${event.operation} · ${event.outcome}`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="What happened">
          <dl className="grid grid-cols-[9rem_1fr] gap-y-2 text-sm">
            {rows.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-600 dark:text-slate-400">{k}</dt>
                <dd className="min-w-0 break-words">{v}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title="Changed fields" description="Values before and after the operation, as recorded.">
          <FieldChanges before={event.before} after={event.after} />
        </Card>
      </div>
    </>
  );
}
