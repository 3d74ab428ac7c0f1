import { Badge } from "@/components/ui/badge";
import { ScrollRegion } from "@/components/ui/scroll-region";

const show = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

/** The before and after of every field an event names, changed ones marked. */
export function FieldChanges({ before, after }: { before: Record<string, unknown> | null; after: Record<string, unknown> | null }) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  if (keys.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">This event records no field values.</p>;
  return (
    <ScrollRegion label="Fields before and after">
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Fields before and after the operation</caption>
      <thead className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
        <tr>
          <th scope="col" className="py-2 pr-4">Field</th>
          <th scope="col" className="py-2 pr-4">Before</th>
          <th scope="col" className="py-2 pr-4">After</th>
          <th scope="col" className="py-2"><span className="sr-only">Changed</span></th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
        {keys.map((k) => {
          const b = before?.[k];
          const a = after?.[k];
          const changed = before !== null && after !== null && JSON.stringify(b) !== JSON.stringify(a);
          return (
            <tr key={k}>
              <th scope="row" className="py-2 pr-4 font-mono text-xs font-normal">{k}</th>
              <td className="break-all py-2 pr-4 font-mono text-xs">{show(b)}</td>
              <td className="break-all py-2 pr-4 font-mono text-xs">{show(a)}</td>
              <td className="py-2">{changed && <Badge tone="warn">changed</Badge>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </ScrollRegion>
  );
}
