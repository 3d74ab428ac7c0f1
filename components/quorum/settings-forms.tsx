"use client";
import { useActionState } from "react";
import { deleteTokensAction, setTimeoutAction, setValueAction } from "@/app/(console)/quorum/actions";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { idle } from "@/lib/forms/types";
import { ApprovalFields, type ApprovalOptionsView } from "./approval-fields";
import { useUploadForm } from "@/components/forms/use-upload-form";

export function SetValueForm({ service, current, approval, preselect }: { service: "user" | "quorum"; current: number; approval: ApprovalOptionsView | null; preselect?: string }) {
  const [state, action, checkUploads] = useUploadForm(setValueAction);
  return (
    <form action={action} onSubmit={checkUploads} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="service" value={service} />
      <Field name="value" id={`value-${service}`} label={`New value for the ${service} service`} type="number" min={1} max={8} defaultValue={state.values?.value ?? String(current)} errors={state.fieldErrors?.value} />
      {approval && (
        <ApprovalFields options={approval} idPrefix={`value-${service}`} requestHref={`/quorum?service=quorum&command=${encodeURIComponent("quorum token-sign set-quorum-value")}&target_service=${service}#request`} preselect={preselect} />
      )}
      <SubmitButton variant="secondary" pendingText="Setting…">Set {service} value</SubmitButton>
    </form>
  );
}

export function SetTimeoutForm({ generated, approved }: { generated: number; approved: number }) {
  const [state, action] = useActionState(setTimeoutAction, idle);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="generated" label="generated (seconds)" type="number" defaultValue={state.values?.generated ?? String(generated)} errors={e.generated} hint="Time to collect approvals after a token is generated." />
        <Field name="approved" label="approved (seconds)" type="number" defaultValue={state.values?.approved ?? String(approved)} errors={e.approved} hint="Time to use a token once it is approved." />
      </div>
      <SubmitButton variant="secondary" pendingText="Saving…">Set timeouts</SubmitButton>
    </form>
  );
}

export function DeleteTokensForm() {
  const [state, action] = useActionState(deleteTokensAction, idle);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <SubmitButton variant="secondary" pendingText="Deleting…" name="scope" value="user">Delete my tokens</SubmitButton>
      <SubmitButton variant="danger" pendingText="Deleting…" name="scope" value="all">Delete all tokens</SubmitButton>
      <div className="w-full"><FormMessage state={state} /></div>
    </form>
  );
}
