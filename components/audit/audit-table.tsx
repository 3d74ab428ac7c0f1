import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { utcSeconds } from "@/components/ui/dates";
import { ExpandableText } from "@/components/ui/expandable-text";
import { LocalTime } from "@/components/ui/local-time";
import type { ApiEvent } from "@/lib/audit/list";

export function AuditTable({ events, filtered }: { events: ApiEvent[]; filtered: boolean }) {
  if (events.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
        <p className="font-medium">{filtered ? "No event matches these filters." : "No events yet."}</p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{filtered ? "Widen the dates or clear a filter." : "Every sign-in and every change to users, keys and quorum settings appears here."}</p>
      </div>
    );
  }
  return (
    <ScrollRegion label="Audit events" className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-3 py-3">#</th>
            <th scope="col" className="px-3 py-3">Time</th>
            <th scope="col" className="px-3 py-3">Actor</th>
            <th scope="col" className="px-3 py-3">Operation</th>
            <th scope="col" className="px-3 py-3">Target</th>
            <th scope="col" className="px-3 py-3">Outcome</th>
            <th scope="col" className="px-3 py-3">Client</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {events.map((e) => (
            <tr key={e.seq} className="align-top">
              <th scope="row" className="px-3 py-2 font-normal tabular-nums">
                <Link href={`/audit/${e.seq}`} aria-label={`Event ${e.seq}`} className="text-sky-700 hover:underline dark:text-sky-400">
                  {e.seq}
                </Link>
              </th>
              <td className="whitespace-nowrap px-3 py-2 text-xs">
                {utcSeconds(e.time)}
                <LocalTime iso={e.time} />
              </td>
              <td className="px-3 py-2">
                {e.actor ?? <span className="text-slate-600 dark:text-slate-400">(none)</span>}
                {e.actor_role && <span className="block text-xs text-slate-600 dark:text-slate-400">{e.actor_role}</span>}
              </td>
              <td className="px-3 py-2 font-mono text-xs">{e.operation}</td>
              <td className="px-3 py-2 font-mono text-xs">{e.target}</td>
              <td className="px-3 py-2">
                {e.outcome === "success" ? <Badge tone="good">Success</Badge> : <Badge tone="bad">Failure</Badge>}
                {e.error && <ExpandableText text={e.error} what={`reason of event ${e.seq}`} className="mt-1 max-w-64 text-xs text-slate-700 dark:text-slate-300" />}
              </td>
              <td className="px-3 py-2 text-xs">
                <span className="font-mono">{e.ip}</span>
                {e.user_agent && <ExpandableText text={e.user_agent} limit={40} what={`user agent of event ${e.seq}`} className="max-w-56 text-slate-600 dark:text-slate-400" />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
