import { Badge } from "@/components/ui/badge";
import type { ClusterOverview, QuorumService } from "@/lib/overview/summary";
import { CountLink } from "./count-link";

const verdict: Record<QuorumService["state"], { tone: "good" | "warn" | "bad" | "neutral"; label: string }> = {
  off: { tone: "neutral", label: "No approvals needed" },
  ok: { tone: "good", label: "Healthy" },
  thin: { tone: "warn", label: "One key from blocked" },
  blocked: { tone: "bad", label: "Cannot be approved" },
};

function advice(s: QuorumService): string {
  if (s.state === "off") return `M = 1: ${s.service} operations run without anyone else's approval.`;
  if (s.state === "blocked") return `${s.service} operations need ${s.m} approvals but only ${s.keyHolders} admins have quorum keys: register quorum keys for ${s.m - s.keyHolders} more admins.`;
  if (s.state === "thin") return `Exactly ${s.m} admins can approve: if one of them leaves or loses the key, ${s.service} operations are blocked. Register a quorum key for one more admin (M + 1 = ${s.m + 1}).`;
  return `${s.keyHolders} admins can approve, at least M + 1 = ${s.m + 1}.`;
}

export function QuorumHealth({ quorum, keyHolders }: { quorum: QuorumService[]; keyHolders: ClusterOverview["keyHolders"] }) {
  return (
    <div className="space-y-4 text-sm">
      <p>
        Admins with quorum keys: <CountLink tally={keyHolders} what="admins with quorum keys" />
      </p>
      <ul className="space-y-3">
        {quorum.map((s) => (
          <li key={s.service} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-mono">{s.service}</span> service, M = <span className="tabular-nums">{s.m}</span>
              <Badge tone={verdict[s.state].tone}>{verdict[s.state].label}</Badge>
            </p>
            <p className="mt-1 text-slate-700 dark:text-slate-300">{advice(s)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
