import type { ClusterOverview } from "@/lib/overview/summary";
import { CountLink } from "./count-link";

/** Users by role and MFA state: each cell opens the list filtered to that cell. */
export function UsersByRole({ users }: { users: ClusterOverview["users"] }) {
  const rows = [
    { label: "admin", total: users.admins, mfa: users.adminsWithMfa, none: users.adminsWithoutMfa, plural: "admins" },
    { label: "crypto-user", total: users.cryptoUsers, mfa: users.cryptoWithMfa, none: users.cryptoWithoutMfa, plural: "crypto users" },
    { label: "All users", total: users.all, mfa: users.mfaEnabled, none: users.mfaDisabled, plural: "users" },
  ];
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Users by role and MFA state</caption>
      <thead className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
        <tr>
          <th scope="col" className="py-2 pr-4">Role</th>
          <th scope="col" className="py-2 pr-4 text-right">Users</th>
          <th scope="col" className="py-2 pr-4 text-right">MFA enabled</th>
          <th scope="col" className="py-2 text-right">No MFA</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row" className={`py-2 pr-4 ${r.label === "All users" ? "font-semibold" : "font-mono text-xs font-normal"}`}>{r.label}</th>
            <td className="py-2 pr-4 text-right"><CountLink tally={r.total} what={r.label === "All users" ? "users in all" : r.plural} /></td>
            <td className="py-2 pr-4 text-right"><CountLink tally={r.mfa} what={`${r.plural} with MFA`} /></td>
            <td className="py-2 text-right"><CountLink tally={r.none} what={`${r.plural} without MFA`} tone="warn" /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
