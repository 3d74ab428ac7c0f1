"use client";
import { approveAction } from "@/app/(console)/approvals/actions";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useUploadForm } from "@/components/forms/use-upload-form";

/** Records the signed-in admin's signature over one token: pasted, or inside the approval file. */
export function ApproveForm({ token, label }: { token: string; label: string }) {
  const [state, action, checkUploads] = useUploadForm(approveAction);
  const id = `sig-${token.replace(/[^A-Za-z0-9]/g, "").slice(0, 12)}`;
  return (
    <form action={action} onSubmit={checkUploads} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <Field name="signature" id={id} label={`Your signature for ${label} (base64)`} errors={state.fieldErrors?.signature} hint="The output of the last command above.">
        <textarea id={id} name="signature" rows={3} className={`${inputClass} font-mono`} aria-describedby={`${id}-hint`} spellCheck={false} />
      </Field>
      <Field name="approval_file" id={`${id}-file`} label="Or the approval file with your signature added" type="file" accept=".json,application/json" />
      <SubmitButton pendingText="Checking…">Approve</SubmitButton>
    </form>
  );
}
