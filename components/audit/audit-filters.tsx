import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import { inputClass } from "@/components/ui/field";

const texts = [
  { name: "actor", label: "Actor", hint: "Username" },
  { name: "target", label: "Target", hint: "Username, HSM or cluster id" },
  { name: "operation", label: "Operation", hint: "e.g. user create, login" },
] as const;

/** A GET form: the filters live in the URL, and the exports take the same ones. */
export function AuditFilters({ values, errors }: { values: Record<string, string>; errors?: Record<string, string[]> }) {
  const described = (name: string) => (errors?.[name] ? { "aria-invalid": true as const, "aria-describedby": `audit-${name}-error` } : {});
  const errorOf = (name: string) =>
    errors?.[name] ? <p id={`audit-${name}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">{errors[name].join(" ")}</p> : null;
  return (
    <form role="search" aria-label="Filter audit events" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-7 dark:border-slate-800 dark:bg-slate-900">
      {texts.map((t) => (
        <div key={t.name}>
          <label htmlFor={`audit-${t.name}`} className="block text-sm font-medium">{t.label}</label>
          <input id={`audit-${t.name}`} name={t.name} defaultValue={values[t.name]} placeholder={t.hint} className={`${inputClass} mt-1`} autoComplete="off" {...described(t.name)} />
          {errorOf(t.name)}
        </div>
      ))}
      <div>
        <label htmlFor="audit-outcome" className="block text-sm font-medium">Outcome</label>
        <select id="audit-outcome" name="outcome" defaultValue={values.outcome ?? ""} className={`${inputClass} mt-1`}>
          <option value="">Any</option>
          <option value="success">Success</option>
          <option value="failure">Failure</option>
        </select>
      </div>
      {(["from", "to"] as const).map((name) => (
        <div key={name}>
          <label htmlFor={`audit-${name}`} className="block text-sm font-medium">{name === "from" ? "From (UTC day)" : "To (UTC day)"}</label>
          <input id={`audit-${name}`} name={name} type="date" defaultValue={values[name]} className={`${inputClass} mt-1`} {...described(name)} />
          {errorOf(name)}
        </div>
      ))}
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClass("secondary")}>Apply</button>
        <Link href="/audit" className="px-2 py-2 text-sm text-sky-700 hover:underline dark:text-sky-400">Clear</Link>
      </div>
    </form>
  );
}
