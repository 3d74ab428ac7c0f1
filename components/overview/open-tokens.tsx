import Link from "next/link";
import { Badge } from "@/components/ui/badge";

type OpenToken = { token: string; username: string; description: string; approvals_required: number; number_of_approvals: number; token_timeout_seconds: number };

/** Live quorum tokens: what they would approve, who asked, progress and time left. */
export function OpenTokens({ tokens }: { tokens: OpenToken[] }) {
  if (tokens.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No quorum token is open.</p>;
  return (
    <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
      {tokens.map((t) => (
        <li key={t.token} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <span>
            <span className="font-medium">{t.username}</span>: {t.description}
          </span>
          <span className="flex items-center gap-2">
            <Badge tone={t.number_of_approvals >= t.approvals_required ? "good" : "warn"}>
              {t.number_of_approvals} of {t.approvals_required} approvals
            </Badge>
            <span className="tabular-nums text-slate-600 dark:text-slate-400">{Math.floor(t.token_timeout_seconds / 60)} min {t.token_timeout_seconds % 60} s left</span>
          </span>
        </li>
      ))}
      <li className="pt-2">
        <Link href="/approvals" className="text-sky-700 hover:underline dark:text-sky-400">Approvals</Link>
        {" · "}
        <Link href="/quorum" className="text-sky-700 hover:underline dark:text-sky-400">All tokens</Link>
      </li>
    </ul>
  );
}
