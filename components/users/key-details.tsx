import { Badge } from "@/components/ui/badge";
import { CodeBlock } from "@/components/ui/code-block";
import { formatDate } from "@/components/ui/dates";
import { FINGERPRINT_COMMAND, FINGERPRINT_NOTE } from "@/lib/keys";


export function KeyDetails({ label, fingerprint, bits, registeredAt }: { label: string; fingerprint: string | null; bits: number | null; registeredAt: Date | null }) {
  return (
    <div className="border-t border-slate-200 py-3 first:border-t-0 first:pt-0 dark:border-slate-800">
      <p className="text-sm font-medium">{label}</p>
      {fingerprint ? (
        <div className="mt-1 space-y-1 text-sm">
          <p>
            <Badge tone="good">Registered</Badge> RSA {bits} bits, {registeredAt ? formatDate(registeredAt) : ""}
          </p>
          <p className="break-all font-mono text-xs">{fingerprint}</p>
          <details className="text-xs text-slate-600 dark:text-slate-400">
            <summary className="cursor-pointer">Check this fingerprint with openssl</summary>
            <div className="mt-1"><CodeBlock label={`Command that prints the ${label} key's fingerprint`}>{FINGERPRINT_COMMAND}</CodeBlock></div>
            <p className="mt-1">{FINGERPRINT_NOTE}</p>
          </details>
        </div>
      ) : (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">None registered.</p>
      )}
    </div>
  );
}
