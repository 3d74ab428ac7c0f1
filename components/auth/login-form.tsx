"use client";
import { useActionState } from "react";
import { loginAction } from "@/app/login/actions";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { idle } from "@/lib/forms/types";
import { MfaStep, type LoginChallenge } from "./mfa-step";

export function LoginForm({ clusters }: { clusters: { id: string; name: string }[] }) {
  const [state, action] = useActionState(loginAction, idle);
  const v = state.values ?? {};
  if (state.status === "success" && state.data?.mfa) {
    return <MfaStep clusterId={v.cluster_id} username={v.username} challenge={state.data as unknown as LoginChallenge} />;
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {clusters.length > 1 && (
        <Field name="cluster_id" label="Cluster" errors={state.fieldErrors?.cluster_id}>
          <select id="field-cluster_id" name="cluster_id" defaultValue={v.cluster_id ?? ""} className={inputClass} required>
            <option value="" disabled>
              Choose a cluster
            </option>
            {clusters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.id})
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field name="username" label="Username" autoComplete="username" defaultValue={v.username} errors={state.fieldErrors?.username} required autoFocus />
      <Field name="password" label="Password" type="password" autoComplete="current-password" errors={state.fieldErrors?.password} required />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
