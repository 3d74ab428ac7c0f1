import type { Metadata } from "next";
import Link from "next/link";
import { Commands } from "@/components/quorum/download-link";
import { CompleteRegistrationForm, IssueRegistrationForm } from "@/components/quorum/register-forms";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { KeyDetails } from "@/components/users/key-details";
import { requirePageActor } from "@/lib/auth/browser";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Register quorum key" };

const KEY_COMMANDS = ["openssl genrsa -out quorum.key 2048", "openssl rsa -in quorum.key -pubout -out quorum.pub.pem"];
const SIGN_COMMANDS = [
  "jq -r '.tokens[0].approval_data' quorum-registration.json | base64 -d; echo",
  "jq -r '.tokens[0].unsigned' quorum-registration.json | base64 -d > token.bin",
  "openssl pkeyutl -sign -inkey quorum.key -pkeyopt digest:sha256 -keyform PEM -in token.bin -out token.sig.bin",
  "jq --arg s \"$(base64 -w0 token.sig.bin)\" '.tokens[0].signed = $s' quorum-registration.json > quorum-registration.signed.json",
];

export default async function RegisterQuorumPage({ searchParams }: { searchParams: Promise<{ registered?: string }> }) {
  const ctx = await requirePageActor();
  const me = await db.user.findUniqueOrThrow({ where: { id: ctx.actor.userId }, select: { quorumFingerprint: true, quorumKeyBits: true, quorumRegisteredAt: true } });
  const has = Boolean(me.quorumFingerprint);
  const justRegistered = has && (await searchParams).registered;
  return (
    <>
      <PageHeader
        title={has ? "Your quorum key" : "Register your quorum key"}
        description={has ? "The key your approvals are signed with. Register a new one to replace it." : "Your quorum key signs the approvals you give: register it once, then approve other admins' requests."}
        command="user change-quorum token-sign register"
      />
      {ctx.actor.role !== "admin" ? (
        <Alert tone="info">Only admins approve quorum tokens, so only admins register quorum keys.</Alert>
      ) : (
        <>
          {justRegistered && (
            <div className="mb-6">
              <Alert tone="success" title="Quorum key registered">
                Your quorum key {me.quorumFingerprint} is registered. You can now approve quorum tokens on <Link href="/approvals" className="underline">Approvals</Link>.
              </Alert>
            </div>
          )}
          <div className="grid gap-6 lg:grid-cols-2">
            <Card title="Current quorum key">
              <KeyDetails label="Quorum" fingerprint={me.quorumFingerprint} bits={me.quorumKeyBits} registeredAt={me.quorumRegisteredAt} />
            </Card>
            <Card title={has ? "1. Make a new key pair" : "1. Make a key pair (once)"} description="RSA 2048 to 4096 bits. The private key stays with you.">
              <Commands label="Commands to make a quorum key pair" lines={KEY_COMMANDS} />
            </Card>
            <Card title="2. Get the registration token file">
              <IssueRegistrationForm />
            </Card>
            <Card title="3. Sign it" description="Sign the 32 bytes of unsigned as they are (they are already a SHA-256 digest); do not use openssl dgst.">
              <Commands label="Commands to sign the registration token" lines={SIGN_COMMANDS} />
              <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">Without jq: decode the unsigned value with base64 -d, sign, and paste the output of base64 -w0 token.sig.bin (macOS: base64 -i) into &quot;signed&quot;.</p>
            </Card>
            <Card title="4. Upload the key and the signed file">
              <CompleteRegistrationForm />
            </Card>
          </div>
        </>
      )}
    </>
  );
}
