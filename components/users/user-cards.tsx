import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/ui/dates";
import { Fingerprint } from "@/components/users/fingerprint";
import type { UserRow } from "@/lib/users/view";

const term = "text-slate-600 dark:text-slate-400";

/** The users list on a phone: one stacked card per user, every column of the table as a labelled line. */
export function UserCards({ users }: { users: UserRow[] }) {
  return (
    <ul aria-label="Users of this cluster" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
      {users.map((u) => (
        <li key={u.username} className="space-y-2 p-4">
          <p className="flex flex-wrap items-center justify-between gap-2">
            <Link href={`/users/${u.username}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">{u.username}</Link>
            <span className="font-mono text-xs">{u.role}</span>
          </p>
          <dl className="grid grid-cols-[6.5rem_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
            <dt className={term}>Status</dt>
            <dd>{u.locked ? <Badge tone="bad">Locked</Badge> : <Badge>Active</Badge>}</dd>
            <dt className={term}>MFA</dt>
            <dd>{u.mfaFingerprint ? <Fingerprint label="Enabled" value={u.mfaFingerprint} bits={u.mfaKeyBits} registeredAt={u.mfaRegisteredAt} /> : <Badge tone="warn">Not enabled</Badge>}</dd>
            <dt className={term}>Quorum key</dt>
            <dd>{u.quorumFingerprint ? <Fingerprint label="Registered" value={u.quorumFingerprint} bits={u.quorumKeyBits} registeredAt={u.quorumRegisteredAt} /> : <span className={term}>None</span>}</dd>
            <dt className={term}>Last sign-in</dt>
            <dd>{u.lastLoginAt ? formatDate(u.lastLoginAt) : <span className={term}>Never</span>}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
