import type { Metadata } from "next";
import { CreateUserForm } from "@/components/users/create-user-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/browser";
import { approvalOptions } from "@/lib/quorum/options";

export const metadata: Metadata = { title: "Create user" };

type Search = { username?: string; role?: string; approval?: string };

export default async function NewUserPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requirePageActor();
  const { actor } = ctx;
  const approval = await approvalOptions(ctx, "user");
  const q = await searchParams;
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  return (
    <>
      <PageHeader title="Create user" description="A new account in this cluster. Its owner signs in with the password you set, then registers MFA." command="user create" />
      {actor.role === "admin" ? <CreateUserForm approval={approval} prefill={{ username: text(q.username), role: text(q.role) }} preselect={text(q.approval)} /> : <Alert tone="info">Only an admin can create users.</Alert>}
    </>
  );
}
