"use client";
import { useActionState } from "react";
import { endSessionAction } from "@/app/(console)/account/actions";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { idle } from "@/lib/forms/types";

export type SessionRow = { id: string; kind: string; current: boolean; started: string; lastSeen: string; ip: string | null; userAgent: string | null };

/** One form for the table, so the result stays announced after the ended session's row is gone. */
export function SessionsTable({ sessions }: { sessions: SessionRow[] }) {
  const [state, action] = useActionState(endSessionAction, idle);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <ul aria-label="Your open sessions" className="divide-y divide-slate-200 text-sm md:hidden dark:divide-slate-800">
        {sessions.map((s) => (
          <li key={s.id} className="flex items-start justify-between gap-3 py-3">
            <div className="min-w-0 space-y-0.5">
              <p className="font-medium">{s.kind === "api" ? "API token" : "Browser"}</p>
              <p className="text-xs text-slate-600 dark:text-slate-400">Started {s.started} · last seen {s.lastSeen}</p>
              <p className="text-xs text-slate-600 [overflow-wrap:anywhere] dark:text-slate-400"><span className="font-mono">{s.ip}</span> {s.userAgent}</p>
            </div>
            <EndButton session={s} />
          </li>
        ))}
      </ul>
      <ScrollRegion label="Open sessions table" className="hidden md:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Your open sessions</caption>
          <thead className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-2 pr-3">Kind</th>
              <th scope="col" className="py-2 pr-3">Started (UTC)</th>
              <th scope="col" className="py-2 pr-3">Last seen (UTC)</th>
              <th scope="col" className="py-2 pr-3">Client</th>
              <th scope="col" className="py-2"><span className="sr-only">Action</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {sessions.map((s) => (
              <tr key={s.id} className="align-top">
                <th scope="row" className="py-2 pr-3 font-normal">{s.kind === "api" ? "API token" : "Browser"}</th>
                <td className="whitespace-nowrap py-2 pr-3">{s.started}</td>
                <td className="whitespace-nowrap py-2 pr-3">{s.lastSeen}</td>
                <td className="py-2 pr-3 text-xs">
                  <span className="font-mono">{s.ip}</span>
                  <span className="block max-w-72 text-slate-600 dark:text-slate-400">{s.userAgent}</span>
                </td>
                <td className="py-2 text-right"><EndButton session={s} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </form>
  );
}

function EndButton({ session: s }: { session: SessionRow }) {
  if (s.current) return <span className="shrink-0 text-xs font-medium text-slate-700 dark:text-slate-300">This session</span>;
  return (
    <SubmitButton variant="secondary" pendingText="Ending…" name="session_id" value={s.id}>
      End<span className="sr-only"> {s.kind} session started {s.started}</span>
    </SubmitButton>
  );
}
