import type { Metadata } from "next";
import Link from "next/link";
import { Commands } from "@/components/quorum/download-link";
import { QuorumRegistrationSteps } from "@/components/quorum/register-forms";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { KeyDetails } from "@/components/users/key-details";
import { requirePageActor } from "@/lib/auth/browser";
import { db } from "@/lib/db/client";
import { browserSigningEnabled } from "@/lib/settings";

export const metadata: Metadata = { title: "Register quorum key" };

const KEY_COMMANDS = ["openssl genrsa -out quorum.key 2048", "openssl rsa -in quorum.key -pubout -out quorum.pub.pem"];

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
            <QuorumRegistrationSteps browserSigning={browserSigningEnabled()} />
          </div>
        </>
      )}
    </>
  );
}
