"use client";
import { changePasswordAction } from "@/app/(console)/users/actions";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { CurrentPasswordField, Field } from "@/components/ui/field";
import { ApprovalFields, requestHref, type ApprovalOptionsView } from "@/components/quorum/approval-fields";
import { useUploadForm } from "@/components/forms/use-upload-form";

export function ChangePasswordForm({ username, role, self, hasMfa = false, hasQuorumKey = false, approval, preselect }: {
  username: string;
  role: string;
  self: boolean;
  hasMfa?: boolean;
  hasQuorumKey?: boolean;
  approval?: ApprovalOptionsView | null;
  preselect?: string;
}) {
  const [state, action, checkUploads] = useUploadForm(changePasswordAction);
  return (
    <form action={action} onSubmit={checkUploads} className="max-w-lg space-y-4" noValidate key={state.status === "success" ? state.message : "form"}>
      <FormMessage state={state} />
      <input type="hidden" name="username" value={username} />
      <input type="hidden" name="role" value={role} />
      {self && <CurrentPasswordField errors={state.fieldErrors?.current_password} />}
      <Field
        name="password"
        label={self ? "Your new password" : `New password for ${username}`}
        type="password"
        autoComplete="new-password"
        errors={state.fieldErrors?.password}
        hint={self ? "8 to 64 characters. Your other sessions will end." : "8 to 64 characters. This also unlocks the account and ends the user's sessions."}
      />
      {hasMfa && (
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="deregister_mfa" className="mt-1" />
          <span>
            Also remove {self ? "your" : "their"} MFA key (<code className="font-mono">--deregister-mfa</code>), for a lost private key
          </span>
        </label>
      )}
      {hasQuorumKey && (
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="deregister_quorum" className="mt-1" />
          <span>
            Also deregister {self ? "your" : "their"} quorum key (<code className="font-mono">--deregister-quorum</code>)
          </span>
        </label>
      )}
      {approval && !self && <ApprovalFields options={approval} idPrefix="password" errors={state.fieldErrors?.approval} requestHref={requestHref("user change-password", username, role)} preselect={preselect} />}
      <SubmitButton pendingText="Changing…">Change password</SubmitButton>
    </form>
  );
}
