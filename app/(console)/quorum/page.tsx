import { Hourglass, KeyRound, Send, ShieldCheck, Stamp, Timer, Users } from "lucide-react";
import { buttonClass } from "@/components/ui/button-class";
import type { Metadata } from "next";
import { Cli } from "@/components/ui/cli";
import Link from "next/link";
import { GenerateTokenForm, type GeneratePrefill } from "@/components/quorum/generate-form";
import { DeleteTokensForm, SetTimeoutForm, SetValueForm } from "@/components/quorum/settings-forms";
import { TokenTable } from "@/components/quorum/token-table";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/browser";
import { db } from "@/lib/db/client";
import { liveTokens } from "@/lib/quorum/list";
import { approvalOptions } from "@/lib/quorum/options";
import { listQuorumValues, listTimeouts, orderWarning, valueWarning } from "@/lib/quorum/settings";

export const metadata: Metadata = { title: "Quorum" };

export default async function QuorumPage({ searchParams }: { searchParams: Promise<GeneratePrefill & { approval?: string }> }) {
  const ctx = await requirePageActor();
  if (ctx.actor.role !== "admin") {
    return (
      <>
        <PageHeader title="Quorum" />
        <Alert tone="info">Quorum authentication protects admin services; only admins manage it.</Alert>
      </>
    );
  }
  const [values, timeouts, { tokens, approvalFiles }, approval, prefill, me] = await Promise.all([
    listQuorumValues(ctx),
    listTimeouts(ctx),
    liveTokens(ctx),
    approvalOptions(ctx, "quorum"),
    searchParams,
    db.user.findUniqueOrThrow({ where: { id: ctx.actor.userId }, select: { quorumFingerprint: true } }),
  ]);
  const hasKey = Boolean(me.quorumFingerprint);
  // Back from a set-quorum-value approval: that token is chosen in the card of the service it sets.
  const back = tokens.find((t) => t.mine && t.token === prefill.approval && t.operation?.command === "quorum token-sign set-quorum-value");
  const clean = Object.fromEntries(Object.entries(prefill).filter(([, v]) => typeof v === "string")) as GeneratePrefill;
  return (
    <>
      <PageHeader
        title="Quorum"
        description={<>Make user management need the approval of several admins (M of N). {values.approvers} admin{values.approvers === 1 ? " has" : "s have"} a quorum key to approve with.</>}
        command="quorum token-sign"
        actions={
          <>
            <Link href="/quorum/register" className={buttonClass("secondary")}><KeyRound aria-hidden className="size-4" />{hasKey ? "Your quorum key" : "Register your quorum key"}</Link>
            <Link href="/approvals" className={buttonClass("secondary")}><Stamp aria-hidden className="size-4" />Approvals waiting for you</Link>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        {(["user", "quorum"] as const).map((service) => {
          const warning = valueWarning(values[service], values.approvers);
          const order = service === "quorum" ? orderWarning(values) : undefined;
          return (
            <Card key={service} title={`${service} service: ${values[service]}`} id={`value-card-${service}`} icon={service === "user" ? Users : ShieldCheck} description={service === "user" ? "Approvals an admin needs to create or delete a user, or change another user's password or MFA." : "Approvals needed to change either of these two values. Keep it at or below the user value: user operations create admins, who can then approve quorum changes, so a higher quorum value protects little."}>
              {warning && <div className="mb-4"><Alert tone="warning">{warning}</Alert></div>}
              {order && <div className="mb-4"><Alert tone="warning">{order}</Alert></div>}
              <SetValueForm service={service} current={values[service]} approval={approval} preselect={back?.operation?.service === service ? back.token : undefined} />
            </Card>
          );
        })}
        <Card title="Request approval" id="request" icon={Send} description={<>Ask the other admins to approve one operation; they see exactly what it does. <Cli command="quorum token-sign generate" /></>}>
          <GenerateTokenForm prefill={clean} />
        </Card>
        <Card title="Token timeouts" icon={Timer} description={<>How long a request collects approvals, and how long an approved one stays usable. <Cli command="quorum token-sign set-timeout" /></>}>
          <SetTimeoutForm generated={timeouts.generated} approved={timeouts.approved} />
        </Card>
      </div>
      <div className="mt-6">
        <Card title={`Live tokens (${tokens.length})`} icon={Hourglass} description="Approval requests not used yet and still within their timeouts.">
          <TokenTable tokens={tokens} files={approvalFiles} />
          <div className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800"><DeleteTokensForm /></div>
        </Card>
      </div>
    </>
  );
}
