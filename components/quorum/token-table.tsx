import { Badge } from "@/components/ui/badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { TokenView } from "@/lib/quorum/list";
import { BackToOperation } from "./back-to-operation";
import { DownloadLink } from "./download-link";

export type TokenRow = Pick<
  TokenView,
  "token" | "username" | "service" | "operation" | "description" | "approvals_required" | "number_of_approvals" | "approved_by" | "token_timeout_seconds" | "approved"
> & { mine: boolean; thisSession: boolean };

/** `quorum token-sign list`, with what each token approves and its progress. */
export function TokenTable({ tokens, files }: { tokens: TokenRow[]; files: Map<string, string> }) {
  if (tokens.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No live quorum token in this cluster. To run an operation that needs approval, request it above.</p>;
  }
  return (
    <ScrollRegion label="Live quorum tokens">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Live quorum tokens</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
          <tr>
            <th scope="col" className="py-2 pr-4">Requester</th>
            <th scope="col" className="py-2 pr-4">Service</th>
            <th scope="col" className="py-2 pr-4">Approves</th>
            <th scope="col" className="py-2 pr-4">Approvals</th>
            <th scope="col" className="py-2 pr-4">Seconds left</th>
            <th scope="col" className="py-2"><span className="sr-only">File</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {tokens.map((t) => (
            <tr key={t.token}>
              <td className="py-2 pr-4">{t.username}{t.mine ? " (you)" : ""}</td>
              <td className="py-2 pr-4 font-mono">{t.service}</td>
              <td className="py-2 pr-4">{t.description}</td>
              <td className="py-2 pr-4">
                <Badge tone={t.approved ? "good" : "warn"}>{t.number_of_approvals} of {t.approvals_required} approvals</Badge>
                {t.approved_by.length > 0 && <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">by {t.approved_by.join(", ")}</span>}
              </td>
              <td className="py-2 pr-4 tabular-nums">{t.token_timeout_seconds}</td>
              <td className="py-2 text-right">
                <span className="inline-flex flex-wrap justify-end gap-2">
                  {t.mine && t.thisSession && t.approved && <BackToOperation operation={t.operation} token={t.token} />}
                  {files.has(t.token) && <DownloadLink text={files.get(t.token)!} filename="approval.json">approval.json</DownloadLink>}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
