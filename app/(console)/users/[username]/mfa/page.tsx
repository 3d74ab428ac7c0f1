import { KeyRound, ShieldOff, ShieldPlus } from "lucide-react";
import type { Metadata } from "next";
import { Cli } from "@/components/ui/cli";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeregisterMfa } from "@/components/mfa/deregister-mfa";
import { RegisterMfa } from "@/components/mfa/register-mfa";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { KeyDetails } from "@/components/users/key-details";
import { requirePageActor } from "@/lib/auth/browser";
import { approvalOptions } from "@/lib/quorum/options";
import { readUser } from "@/lib/users/read";

export const metadata: Metadata = { title: "Change MFA" };

export default async function ChangeMfaPage({ params, searchParams }: { params: Promise<{ username: string }>; searchParams: Promise<{ removed?: string; approval?: string }> }) {
  const ctx = await requirePageActor();
  const { actor } = ctx;
  const user = await readUser(actor, (await params).username);
  if (!user) notFound();
  const self = user.username === actor.username;
  const approval = actor.role === "admin" && !self ? await approvalOptions(ctx, "user") : null;
  const fileName = `${actor.clusterId}-${user.username}-mfa-token.json`;
  const { removed, approval: approvedToken } = await searchParams;
  const preselect = approval?.tokens.some((t) => t.token === approvedToken && t.command === "user change-mfa") ? approvedToken : undefined;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/users/${user.username}`} className="text-sky-700 hover:underline dark:text-sky-400">← {user.username}</Link>
      </p>
      <PageHeader
        title={`Change MFA for ${user.username}`}
        description={user.mfaFingerprint ? "Replace the key that protects this sign-in, or remove it." : "Protect this sign-in with a key pair: the private key stays with its owner."}
        command={`user change-mfa token-sign --username ${user.username} --role ${user.role}`}
      />
      {removed && !user.mfaFingerprint && (
        <div className="mb-6">
          <Alert tone="success" title="MFA removed">
            MFA is removed for {user.username}{removed.includes("quorum") ? ", and so is the quorum key" : ""}. Sign-in now needs the password only, until a new key is registered.
          </Alert>
        </div>
      )}
      {!self && actor.role !== "admin" ? (
        <Alert tone="error" title="Not allowed">A crypto-user can change only their own MFA. Ask an admin.</Alert>
      ) : (
        <div className="space-y-6">
          <Card title="Current key" icon={KeyRound}>
            <KeyDetails label="MFA (token-sign)" fingerprint={user.mfaFingerprint} bits={user.mfaKeyBits} registeredAt={user.mfaRegisteredAt} />
          </Card>
          <Card title={user.mfaFingerprint ? "Register a new key" : "Register a key"} icon={ShieldPlus} description="Three steps: download the token file, sign each token with your private key, upload the signed file with your public key.">
            <RegisterMfa username={user.username} role={user.role} fileName={fileName} self={self} approval={approval} preselect={preselect} />
          </Card>
          {user.mfaFingerprint && (
            <Card title="Remove MFA" icon={ShieldOff} description={<>Sign-in then needs the password only. <Cli command="user change-mfa token-sign --deregister" /></>}>
              <DeregisterMfa username={user.username} role={user.role} self={self} approval={approval} preselect={preselect} />
            </Card>
          )}
        </div>
      )}
    </>
  );
}
