import { Badge } from "@/components/ui/badge";

/** A key in a table: state, size and date, and its fingerprint shortened (the full value in the title and on the user page). */
export function Fingerprint({ label, value, bits, registeredAt }: { label: string; value: string; bits: number | null; registeredAt: Date | null }) {
  return (
    <span className="inline-flex flex-col gap-1">
      <span className="flex items-center gap-2">
        <Badge tone="good">{label}</Badge>
        <span className="text-xs text-slate-600 dark:text-slate-400">
          RSA {bits}
          {registeredAt && `, ${registeredAt.toISOString().slice(0, 10)}`}
        </span>
      </span>
      <code className="font-mono text-xs text-slate-600 dark:text-slate-400" title={value}>
        {value.slice(0, 19)}…
      </code>
    </span>
  );
}
