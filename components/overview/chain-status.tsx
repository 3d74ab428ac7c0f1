import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/ui/dates";
import type { ClusterOverview } from "@/lib/overview/summary";

/** When `npm run audit:verify` last checked this cluster's audit chain, and what it found. */
export function ChainStatus({ verification }: { verification: ClusterOverview["verification"] }) {
  return (
    <div className="space-y-2 text-sm">
      {verification ? (
        <>
          <p className="flex flex-wrap items-center gap-2">
            {verification.ok ? <Badge tone="good">Intact</Badge> : <Badge tone="bad">Broken</Badge>}
            Last verified {formatDate(verification.verifiedAt)}, {verification.events.toLocaleString("en")} events.
          </p>
          {!verification.ok && <p className="text-red-800 dark:text-red-300">{verification.message}</p>}
        </>
      ) : (
        <p><Badge tone="warn">Never verified</Badge> The audit chain of this cluster has not been checked yet.</p>
      )}
      <p className="text-slate-600 dark:text-slate-400">
        Verify it on the server with <code className="font-mono">npm run audit:verify</code> (schedule it daily).{" "}
        <Link href="/audit" className="text-sky-700 underline dark:text-sky-400">Open the audit log</Link>
      </p>
    </div>
  );
}
