import { Hourglass, ScrollText, ShieldCheck, TriangleAlert, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Attention } from "@/components/overview/attention";
import { ChainStatus } from "@/components/overview/chain-status";
import { CountLink } from "@/components/overview/count-link";
import { QuorumHealth } from "@/components/overview/quorum-health";
import { UsersByRole } from "@/components/overview/users-by-role";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/browser";
import { clusterOverview } from "@/lib/overview/summary";
import { listQuorumTokens } from "@/lib/quorum/list";
import { OpenTokens } from "@/components/overview/open-tokens";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const ctx = await requirePageActor();
  const o = await clusterOverview(ctx);
  const missing = o.users.adminsWithoutMfa.count;
  const open = ctx.actor.role === "admin" ? (await listQuorumTokens(ctx)).tokens : null;
  return (
    <>
      <PageHeader title="Overview" description="Who is protected, who is not, and what needs attention in this cluster." />
      {missing > 0 && (
        <div className="mb-6">
          <Alert tone="warning" title={`${missing.toLocaleString("en")} admin${missing === 1 ? " has" : "s have"} no MFA`}>
            <p>
              Anyone with their password can manage every account.{" "}
              <CountLink tally={o.users.adminsWithoutMfa} what="admins without MFA: show them" inline />
              {": "}
              {o.adminsWithoutMfa.map((name, i) => (
                <span key={name}>
                  {i > 0 && ", "}
                  <Link href={`/users/${name}`} className="font-mono underline">{name}</Link>
                </span>
              ))}
              {missing > o.adminsWithoutMfa.length && ", …"}
            </p>
          </Alert>
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Users by role and MFA" icon={Users} description="Who signs in with a key as well as a password.">
          <UsersByRole users={o.users} />
        </Card>
        <Card title="Quorum health" icon={ShieldCheck} description="How many approvals each service needs, and whether enough admins can give them.">
          <QuorumHealth quorum={o.quorum} keyHolders={o.keyHolders} />
        </Card>
        <Card title="Needs attention" icon={TriangleAlert} description="Accounts and keys to look at; each number opens the list of them.">
          <Attention attention={o.attention} />
        </Card>
        {open && (
          <Card title={`Open quorum tokens (${open.length})`} icon={Hourglass} description="Approval requests collecting signatures or waiting to be used, with their time left.">
            <OpenTokens tokens={open} />
          </Card>
        )}
        {ctx.actor.role === "admin" && (
          <Card title="Audit chain" icon={ScrollText} description="Every audit event is hash-chained to the one before it, so a changed or deleted event shows.">
            <ChainStatus verification={o.verification} />
          </Card>
        )}
      </div>
    </>
  );
}
