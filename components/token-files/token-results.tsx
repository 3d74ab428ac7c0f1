import { CircleCheck, CircleX } from "lucide-react";
import { RichText } from "@/components/ui/rich-text";

type TokenCheck = { index: number; ok: boolean; message?: string; fix?: string };

/** Every token's result, not only the first failure. */
export function TokenResults({ results, fileErrors }: { results: TokenCheck[]; fileErrors: string[] }) {
  if (!results.length && !fileErrors.length) return null;
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-4 text-sm dark:border-slate-800">
      <h3 className="font-semibold">Result for each token</h3>
      <ul className="space-y-2">
        {results.map((r) => (
          <li key={r.index} className="flex gap-2">
            {r.ok ? <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-700 dark:text-emerald-400" /> : <CircleX aria-hidden className="mt-0.5 size-4 shrink-0 text-red-700 dark:text-red-400" />}
            <div className="min-w-0 [overflow-wrap:anywhere]">
              <p><span className="font-medium">Token {r.index + 1}:</span> {r.ok ? "signature verified" : <RichText text={r.message ?? ""} />}</p>
              {r.fix && <p className="mt-1 text-slate-600 dark:text-slate-400"><RichText text={r.fix} /></p>}
            </div>
          </li>
        ))}
      </ul>
      {fileErrors.length > 0 && (
        <ul className="list-disc space-y-1 pl-5">
          {fileErrors.map((e) => <li key={e}><RichText text={e} /></li>)}
        </ul>
      )}
    </div>
  );
}
