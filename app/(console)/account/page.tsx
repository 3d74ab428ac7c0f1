import { History, KeyRound, MonitorSmartphone } from "lucide-react";
import type { Metadata } from "next";
import { SessionsTable } from "@/components/account/end-session-form";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDate, utcSeconds } from "@/components/ui/dates";
import { ExpandableText } from "@/components/ui/expandable-text";
import { LocalTime } from "@/components/ui/local-time";
import { KeyDetails } from "@/components/users/key-details";
import { myAccount } from "@/lib/account/me";
import { mySessions, mySignIns } from "@/lib/account/sessions";
import { requirePageActor } from "@/lib/auth/browser";

export const metadata: Metadata = { title: "My account" };

export default async function AccountPage() {
  const ctx = await requirePageActor();
  const [user, sessions, signIns] = await Promise.all([myAccount(ctx), mySessions(ctx), mySignIns(ctx)]);
  return (
    <>
      <PageHeader title="My account" description={<>Your keys, where you signed in from, and the sessions open as you ({user.username}, <span className="font-mono">{user.role}</span>).</>} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="My keys" icon={KeyRound} description="Your token-sign MFA and quorum keys, by fingerprint.">
          <KeyDetails label="MFA (token-sign)" fingerprint={user.mfaFingerprint} bits={user.mfaKeyBits} registeredAt={user.mfaRegisteredAt} />
          <KeyDetails label="Quorum" fingerprint={user.quorumFingerprint} bits={user.quorumKeyBits} registeredAt={user.quorumRegisteredAt} />
        </Card>
        <Card title="Recent sign-ins" icon={History} description="Your last ten sign-in attempts. One you do not recognise? Change your password.">
          {signIns.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">No sign-ins recorded.</p>
          ) : (
            <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
              {signIns.map((s) => (
                <li key={s.seq} className="flex flex-wrap items-start justify-between gap-2 py-2">
                  <span>
                    {utcSeconds(s.createdAt.toISOString())}
                    <LocalTime iso={s.createdAt.toISOString()} />
                  </span>
                  <span className="text-xs">
                    <span className="font-mono">{s.ip}</span>
                    {s.userAgent && <ExpandableText text={s.userAgent} limit={40} what={`user agent of the sign-in at ${utcSeconds(s.createdAt.toISOString())}`} className="max-w-56 text-slate-600 dark:text-slate-400" />}
                  </span>
                  {s.outcome === "success" ? <Badge tone="good">Signed in</Badge> : <Badge tone="bad">Failed</Badge>}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <div className="lg:col-span-2">
          <Card title="Open sessions" icon={MonitorSmartphone} description="Browsers and API tokens signed in as you. End any you do not use.">
            <SessionsTable
              sessions={sessions.map((s) => ({
                id: s.id, kind: s.kind, current: s.current, started: formatDate(s.createdAt), lastSeen: formatDate(s.lastSeenAt), ip: s.ip, userAgent: s.userAgent,
              }))}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
