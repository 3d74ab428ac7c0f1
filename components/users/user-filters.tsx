import { Search } from "lucide-react";
import Link from "next/link";
import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button-class";

const selects = [
  { name: "role", label: "Role", options: [["", "Any role"], ["admin", "admin"], ["crypto-user", "crypto-user"]] },
  { name: "mfa", label: "MFA", options: [["", "Any"], ["enabled", "Enabled"], ["disabled", "Not enabled"]] },
  { name: "quorum", label: "Quorum key", options: [["", "Any"], ["enabled", "Registered"], ["disabled", "Not registered"]] },
  { name: "locked", label: "Locked", options: [["", "Any"], ["true", "Locked"], ["false", "Not locked"]] },
  { name: "key_bits", label: "Key size", options: [["", "Any"], ["under_3072", "Under 3072 bits"]] },
  { name: "key_age", label: "Key age", options: [["", "Any"], ["over_1y", "Older than a year"]] },
  { name: "never_signed_in", label: "Signed in", options: [["", "Any"], ["true", "Never"], ["false", "At least once"]] },
] as const;

/** A plain GET form: filters live in the URL, so a filtered list can be bookmarked and shared. */
export function UserFilters({ values }: { values: Record<string, string> }) {
  return (
    <form role="search" aria-label="Filter users" className="mb-4 grid grid-cols-2 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 lg:flex lg:flex-wrap dark:border-slate-800 dark:bg-slate-900">
      <div className="col-span-2 min-w-48 flex-1 sm:col-span-4">
        <label htmlFor="filter-search" className="block text-sm font-medium">
          Username starts with
        </label>
        <input id="filter-search" name="search" type="search" defaultValue={values.search} className={`${inputClass} mt-1`} autoComplete="off" />
      </div>
      {selects.map((s) => (
        <div key={s.name} className="min-w-0">
          <label htmlFor={`filter-${s.name}`} className="block text-sm font-medium">
            {s.label}
          </label>
          <select id={`filter-${s.name}`} name={s.name} defaultValue={values[s.name] ?? ""} className={`${inputClass} mt-1`}>
            {s.options.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="col-span-2 flex items-center gap-1 sm:col-span-4 lg:col-span-1">
        <button type="submit" className={buttonClass("secondary")}>
          <Search aria-hidden className="size-4" />
          Apply filters
        </button>
        <Link href="/users" className="px-2 py-2 text-sm text-sky-700 hover:underline dark:text-sky-400">
          Clear
        </Link>
      </div>
    </form>
  );
}
