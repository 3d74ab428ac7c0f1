"use client";
import { deleteUserAction } from "@/app/(console)/users/actions";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ApprovalFields, requestHref, type ApprovalOptionsView } from "@/components/quorum/approval-fields";
import { useUploadForm } from "@/components/forms/use-upload-form";

export function DeleteUserForm({ username, role, approval, preselect }: { username: string; role: string; approval?: ApprovalOptionsView | null; preselect?: string }) {
  const [state, action, checkUploads] = useUploadForm(deleteUserAction);
  return (
    <form action={action} onSubmit={checkUploads} className="max-w-lg space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="username" value={username} />
      <input type="hidden" name="role" value={role} />
      <Field
        name="confirm"
        label={`Type ${username} to confirm`}
        autoComplete="off"
        errors={state.fieldErrors?.confirm}
        hint="The account, its keys and its sessions are removed. This cannot be undone."
      />
      {approval && <ApprovalFields options={approval} idPrefix="delete" errors={state.fieldErrors?.approval} requestHref={requestHref("user delete", username, role)} preselect={preselect} />}
      <SubmitButton variant="danger" pendingText="Deleting…">
        Delete {username}
      </SubmitButton>
    </form>
  );
}
