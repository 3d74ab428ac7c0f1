"use client";
import { useActionState } from "react";
import { addHsmAction, removeHsmAction } from "@/app/(console)/cluster/actions";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { idle } from "@/lib/forms/types";

export function AddHsmForm() {
  const [state, action] = useActionState(addHsmAction, idle);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
      <div className="w-full"><FormMessage state={state} /></div>
      <div className="min-w-56 flex-1">
        <Field name="label" label="Label (optional)" errors={state.fieldErrors?.label} placeholder="HSM in us-east-1c" autoComplete="off" />
      </div>
      <SubmitButton variant="secondary" pendingText="Adding…">Add HSM</SubmitButton>
    </form>
  );
}

export function RemoveHsmButton({ hsmId, label, disabled }: { hsmId: string; label: string; disabled: boolean }) {
  const [state, action] = useActionState(removeHsmAction, idle);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="hsm_id" value={hsmId} />
      {disabled ? (
        <span className="text-xs text-slate-600 dark:text-slate-400">The last HSM stays</span>
      ) : (
        <button type="submit" className="text-sm text-red-700 hover:underline dark:text-red-400" aria-label={`Remove ${label} (${hsmId})`}>
          Remove
        </button>
      )}
      {state.status === "error" && <span role="alert" className="ml-2 text-sm text-red-700 dark:text-red-400">{state.message}</span>}
    </form>
  );
}
