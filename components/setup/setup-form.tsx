"use client";
import Link from "next/link";
import { useActionState } from "react";
import { setupAction } from "@/app/setup/[token]/actions";
import { Alert, FormMessage } from "@/components/ui/alert";
import { SubmitButton, buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { idle } from "@/lib/forms/types";

export function SetupForm({ token }: { token: string }) {
  const [state, action] = useActionState(setupAction, idle);
  if (state.status === "success") {
    return (
      <div className="space-y-4">
        <Alert tone="success" title="Setup complete">{state.message}</Alert>
        <Link href="/login" className={buttonClass()}>Go to sign-in</Link>
      </div>
    );
  }
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <Field name="cluster_name" label="Cluster name" defaultValue={v.cluster_name} errors={e.cluster_name} autoComplete="off" />
      <Field name="hsms" label="Number of HSMs" type="number" min={1} max={32} defaultValue={v.hsms || "2"} errors={e.hsms} hint="Token files carry one token per HSM. You can add and remove HSMs later." />
      <Field name="admin" label="First admin's username" defaultValue={v.admin || "admin"} errors={e.admin} autoComplete="username" hint="1 to 31 letters, digits or underscores." />
      <Field name="password" label="Admin password" type="password" autoComplete="new-password" errors={e.password} hint="8 to 64 characters." />
      <SubmitButton pendingText="Creating cluster…">Create cluster and admin</SubmitButton>
    </form>
  );
}
