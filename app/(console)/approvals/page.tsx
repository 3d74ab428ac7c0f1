import { Inbox } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import Link from "next/link";
import { ApproveForm } from "@/components/quorum/approve-form";
import { BackToOperation } from "@/components/quorum/back-to-operation";
import { Commands } from "@/components/quorum/download-link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { formatDate } from "@/components/ui/dates";
import { requirePageActor } from "@/lib/auth/browser";
import { db } from "@/lib/db/client";
import { liveTokens } from "@/lib/quorum/list";
import { browserSigningEnabled } from "@/lib/settings";

export const metadata: Metadata = { title: "Approvals" };

/** The exact commands an approver runs: read what is approved, check the token, sign it with the quorum key. */
function signingCommands(approvalData: string, token: string): string[] {
  return [
    `echo '${approvalData}' | base64 -d; echo`,
    `echo '${approvalData}' | base64 -d | openssl dgst -sha256 -binary | base64`,
    `echo '${token}' | base64 -d > token.bin`,
    "openssl pkeyutl -sign -inkey quorum.key -pkeyopt digest:sha256 -keyform PEM -in token.bin -out token.sig.bin",
    "base64 -w0 token.sig.bin",
  ];
}

export default async function ApprovalsPage() {
  const ctx = await requirePageActor();
  if (ctx.actor.role !== "admin") {
    return (
      <>
        <PageHeader title="Approvals" />
        <Alert tone="info">Only admins approve quorum tokens.</Alert>
      </>
    );
  }
  const [{ tokens }, me] = await Promise.all([
    liveTokens(ctx),
    db.user.findUniqueOrThrow({ where: { id: ctx.actor.userId }, select: { quorumFingerprint: true } }),
  ]);
  // Tokens still collecting approvals, and those this admin approved (so they see their approval counted).
  const waiting = tokens.filter((t) => !t.approved || t.approved_by.includes(ctx.actor.username));
  return (
    <>
      <PageHeader title="Approvals" description="Other admins' requests waiting for your approval. Read what each one does before you sign it with your quorum key." />
      {!me.quorumFingerprint && (
        <div className="mb-6">
          <Alert tone="warning" title="You have no quorum key">
            Your signature counts only once your quorum key is registered: <Link href="/quorum/register" className="underline">register it</Link>.
          </Alert>
        </div>
      )}
      {waiting.length === 0 && (
        <EmptyState icon={Inbox} title="Nothing waits for your approval.">
          When another admin requests approval for an operation, it shows here with the commands to sign it.{" "}
          {me.quorumFingerprint ? null : "Register your quorum key first, so your signature counts."}
        </EmptyState>
      )}
      <div className="space-y-6">
        {waiting.map((t) => {
          const label = `${t.username}: ${t.description}`;
          const done = t.approved_by.includes(ctx.actor.username);
          return (
            <Card key={t.token} title={`${t.username} asks to ${t.description}`} id={`token-${t.token.replace(/[^A-Za-z0-9]/g, "").slice(0, 12)}`} description={<>Service <code className="font-mono">{t.service}</code> · lapses {formatDate(t.expires_at)} ({t.token_timeout_seconds} s left)</>}>
              <div className="space-y-4">
                <p className="text-sm">
                  <Badge tone="warn">{t.number_of_approvals} of {t.approvals_required} approvals</Badge>
                  {t.approved_by.length > 0 && <span className="ml-2">so far by {t.approved_by.join(", ")}</span>}
                </p>
                {done && <Alert tone="success">You approved this token: {t.number_of_approvals} of {t.approvals_required} approvals so far.</Alert>}
                {t.mine && t.thisSession && t.approved && <BackToOperation operation={t.operation} token={t.token} />}
                {!done && t.mine && <Alert tone="info">This is your own request. CloudHSM lets a requester approve their own token; your approval then counts as one of the {t.approvals_required}.</Alert>}
                {!done && (
                <>
                <div>
                  <p className="mb-1 text-sm font-medium">What you approve (the decoded approval_data)</p>
                  <CodeBlock label={`Decoded approval_data of ${label}`}>{JSON.stringify(JSON.parse(Buffer.from(t.approval_data, "base64").toString("utf8")), null, 2)}</CodeBlock>
                </div>
                <div>
                  <p className="mb-1 text-sm">
                    Sign it with your quorum key (<code className="font-mono">quorum.key</code>): the first command shows what you approve, the second must print <code className="break-all font-mono">{t.token}</code>.
                    On macOS use <code className="font-mono">base64 -D</code> to decode and <code className="font-mono">base64 -i token.sig.bin</code> to encode.
                  </p>
                  <Commands label={`Commands to sign the token of ${label}`} lines={signingCommands(t.approval_data, t.token)} />
                </div>
                <ApproveForm token={t.token} approvalData={t.approval_data} label={label} browserSigning={browserSigningEnabled()} />
                </>
                )}
              </div>
            </Card>
          );
        })}
      </div>
    </>
  );
}
