"use client";
import { deregisterMfaAction } from "@/app/(console)/users/[username]/mfa/actions";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { CurrentPasswordField, Field } from "@/components/ui/field";
import { ApprovalFields, requestHref, type ApprovalOptionsView } from "@/components/quorum/approval-fields";
import { useUploadForm } from "@/components/forms/use-upload-form";

export function DeregisterMfa({ username, role, self, approval, preselect }: { username: string; role: string; self: boolean; approval?: ApprovalOptionsView | null; preselect?: string }) {
  const [state, action, checkUploads] = useUploadForm(deregisterMfaAction);
  return (
    <form action={action} onSubmit={checkUploads} className="max-w-lg space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="username" value={username} />
      <input type="hidden" name="role" value={role} />
      <input type="hidden" name="needs_confirmation" value={self ? "no" : "yes"} />
      {self && <CurrentPasswordField id="mfa-deregister-current_password" errors={state.fieldErrors?.current_password} />}
      <Field name="change_password" id="mfa-deregister-change_password" label={self ? "Your password" : `Password for ${username}`} type="password" autoComplete={self ? "current-password" : "new-password"}
        errors={state.fieldErrors?.change_password} hint="Required, as --change-password: the current password or a new one." />
      <div className="flex items-start gap-2">
        <input id="dereg_quorum" name="change_quorum" type="checkbox" className="mt-1 size-4" />
        <label htmlFor="dereg_quorum" className="text-sm">Also remove the quorum key (--change-quorum)</label>
      </div>
      {!self && (
        <div className="flex items-start gap-2">
          <input id="mfa-deregister-confirm" name="confirm" type="checkbox" className="mt-1 size-4" aria-describedby={state.fieldErrors?.confirm ? "mfa-deregister-confirm-error" : undefined} />
          <div>
            <label htmlFor="mfa-deregister-confirm" className="text-sm">I confirm that {username} will sign in with a password only until they register a new key.</label>
            {state.fieldErrors?.confirm && <p id="mfa-deregister-confirm-error" className="text-sm text-red-700 dark:text-red-400">{state.fieldErrors.confirm.join(" ")}</p>}
          </div>
        </div>
      )}
      {approval && <ApprovalFields options={approval} idPrefix="mfa-deregister" errors={state.fieldErrors?.approval} requestHref={requestHref("user change-mfa", username, role)} preselect={preselect} />}
      <SubmitButton variant="danger" pendingText="Removing…">Remove MFA key</SubmitButton>
    </form>
  );
}
