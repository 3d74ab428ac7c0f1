import { SearchX, Users as UsersIcon } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { Fingerprint } from "@/components/users/fingerprint";
import { UserCards } from "@/components/users/user-cards";
import { formatDate } from "@/components/ui/dates";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { UserRow } from "@/lib/users/view";

export function UserTable({ users, filtered, canCreate = false }: { users: UserRow[]; filtered: boolean; canCreate?: boolean }) {
  if (users.length === 0) {
    return filtered ? (
      <EmptyState icon={SearchX} title="No user matches these filters.">
        Clear a filter, or search for the start of a username. <Link href="/users" className="text-sky-700 underline dark:text-sky-400">Show every user</Link>
      </EmptyState>
    ) : (
      <EmptyState icon={UsersIcon} title="This cluster has no users yet.">
        {canCreate ? <Link href="/users/new" className="text-sky-700 underline dark:text-sky-400">Create the first crypto user</Link> : "An admin creates them."}
      </EmptyState>
    );
  }
  return (
    <>
    <div className="md:hidden"><UserCards users={users} /></div>
    <div className="hidden md:block">
    <ScrollRegion label="Users table" className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Users of this cluster</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-4 py-3">Username</th>
            <th scope="col" className="px-4 py-3">Role</th>
            <th scope="col" className="px-4 py-3">Status</th>
            <th scope="col" className="px-4 py-3">MFA</th>
            <th scope="col" className="px-4 py-3">Quorum key</th>
            <th scope="col" className="px-4 py-3">Last sign-in</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {users.map((u) => (
            <tr key={u.username} className="align-middle">
              <th scope="row" className="px-4 py-3 font-medium">
                <Link href={`/users/${u.username}`} className="text-sky-700 hover:underline dark:text-sky-400">
                  {u.username}
                </Link>
              </th>
              <td className="px-4 py-3 font-mono text-xs">{u.role}</td>
              <td className="px-4 py-3">{u.locked ? <Badge tone="bad">Locked</Badge> : <Badge>Active</Badge>}</td>
              <td className="px-4 py-3">
                {u.mfaFingerprint ? <Fingerprint label="Enabled" value={u.mfaFingerprint} bits={u.mfaKeyBits} registeredAt={u.mfaRegisteredAt} /> : <Badge tone="warn">Not enabled</Badge>}
              </td>
              <td className="px-4 py-3">
                {u.quorumFingerprint ? <Fingerprint label="Registered" value={u.quorumFingerprint} bits={u.quorumKeyBits} registeredAt={u.quorumRegisteredAt} /> : <span className="text-slate-500 dark:text-slate-400">None</span>}
              </td>
              <td className="px-4 py-3 whitespace-nowrap">{u.lastLoginAt ? formatDate(u.lastLoginAt) : <span className="text-slate-500 dark:text-slate-400">Never</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
    </div>
    </>
  );
}
