import type { Metadata } from "next";
import Link from "next/link";
import { GenerateTokenForm, type GeneratePrefill } from "@/components/quorum/generate-form";
import { DeleteTokensForm, SetTimeoutForm, SetValueForm } from "@/components/quorum/settings-forms";
import { TokenTable } from "@/components/quorum/token-table";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/browser";
import { liveTokens } from "@/lib/quorum/list";
import { approvalOptions } from "@/lib/quorum/options";
import { listQuorumValues, listTimeouts, orderWarning, valueWarning } from "@/lib/quorum/settings";

export const metadata: Metadata = { title: "Quorum" };

export default async function QuorumPage({ searchParams }: { searchParams: Promise<GeneratePrefill> }) {
  const ctx = await requirePageActor();
  if (ctx.actor.role !== "admin") {
    return (
      <>
        <PageHeader title="Quorum" />
        <Alert tone="info">Quorum authentication protects admin services; only admins manage it.</Alert>
      </>
    );
  }
  const [values, timeouts, { tokens, approvalFiles }, approval, prefill] = await Promise.all([
    listQuorumValues(ctx),
    listTimeouts(ctx),
    liveTokens(ctx),
    approvalOptions(ctx, "quorum"),
    searchParams,
  ]);
  const clean = Object.fromEntries(Object.entries(prefill).filter(([, v]) => typeof v === "string")) as GeneratePrefill;
  return (
    <>
      <PageHeader
        title="Quorum"
        description={<>M of N approvals for user management (<code className="font-mono">quorum token-sign</code>). {values.approvers} admin{values.approvers === 1 ? " has" : "s have"} a quorum key.</>}
        actions={
          <>
            <Link href="/quorum/register" className="text-sm text-sky-700 hover:underline dark:text-sky-400">Register your quorum key</Link>
            <Link href="/approvals" className="text-sm text-sky-700 hover:underline dark:text-sky-400">Approvals waiting for you →</Link>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        {(["user", "quorum"] as const).map((service) => {
          const warning = valueWarning(values[service], values.approvers);
          const order = service === "quorum" ? orderWarning(values) : undefined;
          return (
            <Card key={service} title={`${service} service: ${values[service]}`} id={`value-card-${service}`} description={service === "user" ? "Approvals for user create, delete, change-password and change-mfa." : "Approvals for changing either quorum value. Keep it at or below the user value: user operations create admins, who can then approve quorum changes, so a higher quorum value protects little."}>
              {warning && <div className="mb-4"><Alert tone="warning">{warning}</Alert></div>}
              {order && <div className="mb-4"><Alert tone="warning">{order}</Alert></div>}
              <SetValueForm service={service} current={values[service]} approval={approval} />
            </Card>
          );
        })}
        <Card title="Request approval" id="request" description="Generate a quorum token for one operation; approvers see exactly what it approves.">
          <GenerateTokenForm prefill={clean} />
        </Card>
        <Card title="Token timeouts" description={<>The CLI&apos;s <code className="font-mono">list-timeouts</code> and <code className="font-mono">set-timeout</code>.</>}>
          <SetTimeoutForm generated={timeouts.generated} approved={timeouts.approved} />
        </Card>
      </div>
      <div className="mt-6">
        <Card title={`Live tokens (${tokens.length})`} description="Unused tokens still within their timeouts.">
          <TokenTable tokens={tokens} files={approvalFiles} />
          <div className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800"><DeleteTokensForm /></div>
        </Card>
      </div>
    </>
  );
}
