import { Badge } from "@/components/ui/badge";

/** A key by its fingerprint, shortened in tables; the full value is in the title and the user page. */
export function Fingerprint({ label, value }: { label: string; value: string }) {
  return (
    <span className="inline-flex flex-col gap-1">
      <Badge tone="good">{label}</Badge>
      <code className="font-mono text-xs text-slate-600 dark:text-slate-400" title={value}>
        {value.slice(0, 19)}…
      </code>
    </span>
  );
}
