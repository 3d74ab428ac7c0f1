import { KeyRound, LockKeyhole, Trash2, UserRound } from "lucide-react";
import type { Metadata } from "next";
import { Cli } from "@/components/ui/cli";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button-class";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/dates";
import { ChangePasswordForm } from "@/components/users/change-password-form";
import { DeleteUserForm } from "@/components/users/delete-user-form";
import { KeyDetails } from "@/components/users/key-details";
import { requirePageActor } from "@/lib/auth/browser";
import { approvalOptions } from "@/lib/quorum/options";
import { readUser } from "@/lib/users/read";

export async function generateMetadata({ params }: { params: Promise<{ username: string }> }): Promise<Metadata> {
  return { title: decodeURIComponent((await params).username) };
}

export default async function UserPage({ params, searchParams }: { params: Promise<{ username: string }>; searchParams: Promise<{ created?: string; approval?: string }> }) {
  const ctx = await requirePageActor();
  const { actor } = ctx;
  const user = await readUser(actor, (await params).username);
  if (!user) notFound();
  const self = user.username === actor.username;
  const admin = actor.role === "admin";
  const approval = admin && !self ? await approvalOptions(ctx, "user") : null;
  const query = await searchParams;
  // Back from a quorum approval: the approved token is chosen in the form of the operation it approves.
  const chosen = approval?.tokens.find((t) => t.token === query.approval);
  const preselectFor = (command: string) => (chosen?.command === command ? chosen.token : undefined);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/users" className="text-sky-700 hover:underline dark:text-sky-400">← All users</Link>
      </p>
      <PageHeader title={user.username} description={<><span className="font-mono">{user.role}</span>{self ? " · this is you" : ""}</>} />
      {query.created && <div className="mb-6"><Alert tone="success">User {user.username} was created.</Alert></div>}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Account" icon={UserRound}>
          <dl className="grid grid-cols-[10rem_1fr] gap-y-2 text-sm">
            <dt className="text-slate-600 dark:text-slate-400">Role</dt>
            <dd className="font-mono">{user.role}</dd>
            <dt className="text-slate-600 dark:text-slate-400">Status</dt>
            <dd>{user.locked ? <Badge tone="bad">Locked</Badge> : <Badge>Active</Badge>}</dd>
            <dt className="text-slate-600 dark:text-slate-400">Created</dt>
            <dd>{formatDate(user.createdAt)}</dd>
            <dt className="text-slate-600 dark:text-slate-400">Last sign-in</dt>
            <dd>{user.lastLoginAt ? formatDate(user.lastLoginAt) : "Never"}</dd>
          </dl>
          {user.locked && (
            <div className="mt-4">
              <Alert tone="warning" title="Locked after five failed sign-ins">
                {admin ? "Set a new password below to unlock the account." : "An admin unlocks it by setting a new password."}
              </Alert>
            </div>
          )}
        </Card>
        <Card title="Keys" icon={KeyRound} description="The keys this user signs in and approves with, by fingerprint.">
          <KeyDetails label="MFA (token-sign)" fingerprint={user.mfaFingerprint} bits={user.mfaKeyBits} registeredAt={user.mfaRegisteredAt} />
          {(self || admin) && (
            <Link href={`/users/${user.username}/mfa`} className={`${buttonClass("secondary")} mb-3`}>
              {user.mfaFingerprint ? "Change or remove MFA" : "Register MFA"}
            </Link>
          )}
          <KeyDetails label="Quorum" fingerprint={user.quorumFingerprint} bits={user.quorumKeyBits} registeredAt={user.quorumRegisteredAt} />
          {self && admin && (
            <Link href="/quorum/register" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
              {user.quorumFingerprint ? "Replace your quorum key" : "Register your quorum key"}
            </Link>
          )}
        </Card>
        {(self || admin) && (
          <Card title="Change password" icon={LockKeyhole} description={<>Set a new password; it also unlocks a locked account. <Cli command="user change-password" /></>}>
            <ChangePasswordForm username={user.username} role={user.role} self={self} hasMfa={Boolean(user.mfaFingerprint)} hasQuorumKey={!!user.quorumFingerprint} approval={approval} preselect={preselectFor("user change-password")} />
          </Card>
        )}
        {admin && !self && (
          <Card title="Delete user" icon={Trash2} description={<>Remove the account, its keys and its sessions. <Cli command="user delete" /></>}>
            <DeleteUserForm username={user.username} role={user.role} approval={approval} preselect={preselectFor("user delete")} />
          </Card>
        )}
      </div>
    </>
  );
}
