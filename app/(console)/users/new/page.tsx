import type { Metadata } from "next";
import { CreateUserForm } from "@/components/users/create-user-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/browser";
import { approvalOptions } from "@/lib/quorum/options";

export const metadata: Metadata = { title: "Create user" };

export default async function NewUserPage() {
  const ctx = await requirePageActor();
  const { actor } = ctx;
  const approval = await approvalOptions(ctx, "user");
  return (
    <>
      <PageHeader title="Create user" description={<>The console's <code className="font-mono">user create</code>.</>} />
      {actor.role === "admin" ? <CreateUserForm approval={approval} /> : <Alert tone="info">Only an admin can create users.</Alert>}
    </>
  );
}
