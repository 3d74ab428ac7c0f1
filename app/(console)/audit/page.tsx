import { FileJson, FileSpreadsheet } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/browser";
import { listAudit } from "@/lib/audit/list";
import { OpError } from "@/lib/errors";

export const metadata: Metadata = { title: "Audit log" };

const FILTERS = ["actor", "target", "operation", "outcome", "from", "to"];

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageActor();
  const raw = await searchParams;
  const pick = (keys: string[]) => Object.fromEntries(keys.flatMap((k) => (typeof raw[k] === "string" && raw[k] !== "" ? [[k, raw[k] as string]] : [])));
  const filters = pick(FILTERS);
  let result: Awaited<ReturnType<typeof listAudit>> | null = null;
  let problem: OpError | null = null;
  try {
    result = await listAudit(ctx, pick([...FILTERS, "cursor"]));
  } catch (e) {
    if (!(e instanceof OpError)) throw e;
    problem = e;
  }
  if (problem?.status === 403) {
    return (
      <>
        <PageHeader title="Audit log" />
        <Alert tone="error" title="Admins only">{problem.message}</Alert>
      </>
    );
  }
  const query = new URLSearchParams(filters).toString();
  const exportHref = (format: string) => `/exports/audit?${new URLSearchParams({ ...filters, format })}`;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every sign-in and every change on this cluster, newest first, who did it and from where. Times are UTC, with your local time below."
        actions={
          <>
            <a href={exportHref("csv")} className={buttonClass("secondary")} download><FileSpreadsheet aria-hidden className="size-4" />Export CSV</a>
            <a href={exportHref("json")} className={buttonClass("secondary")} download><FileJson aria-hidden className="size-4" />Export JSON</a>
          </>
        }
      />
      <AuditFilters values={filters} errors={problem?.details.fieldErrors} />
      {problem && <Alert tone="error" title="These filters could not be applied">{problem.message}</Alert>}
      {result && (
        <>
          <AuditTable events={result.events} filtered={Object.keys(filters).length > 0} />
          <nav aria-label="Pages of events" className="mt-4 flex items-center justify-end gap-2 text-sm">
            {raw.cursor && <Link className={buttonClass("secondary")} href={`/audit${query ? `?${query}` : ""}`}>Newest</Link>}
            {result.next_cursor && (
              <Link className={buttonClass("secondary")} rel="next" href={`/audit?${new URLSearchParams({ ...filters, cursor: String(result.next_cursor) })}`}>
                Older events
              </Link>
            )}
          </nav>
        </>
      )}
    </>
  );
}
