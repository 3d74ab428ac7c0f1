"use client";
import { createUserAction } from "@/app/(console)/users/actions";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { ApprovalFields, requestHref, type ApprovalOptionsView } from "@/components/quorum/approval-fields";
import { useUploadForm } from "@/components/forms/use-upload-form";

/** `prefill` and `preselect` bring back what was typed before the approval was requested, and its approved token. */
export function CreateUserForm({ approval, prefill = {}, preselect }: { approval?: ApprovalOptionsView | null; prefill?: { username?: string; role?: string }; preselect?: string }) {
  const [state, action, checkUploads] = useUploadForm(createUserAction);
  const v = state.values ?? prefill;
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} onSubmit={checkUploads} className="max-w-lg space-y-4" noValidate>
      <FormMessage state={state} />
      <Field
        name="username"
        label="Username"
        defaultValue={v.username}
        errors={e.username}
        autoComplete="off"
        hint="1 to 31 letters, digits or underscores. Not case-sensitive, stored in lowercase, never renamed."
      />
      <Field name="role" label="Role" errors={e.role} hint="admin manages users; crypto-user manages and uses keys.">
        <select id="field-role" name="role" defaultValue={v.role || "crypto-user"} className={inputClass} aria-describedby="field-role-hint">
          <option value="crypto-user">crypto-user</option>
          <option value="admin">admin</option>
        </select>
      </Field>
      <Field name="password" label="Password" type="password" autoComplete="new-password" errors={e.password} hint="8 to 64 characters. Share it with the user through a channel you trust." />
      {approval && <ApprovalFields options={approval} errors={e.approval} requestHref={requestHref("user create", v.username, v.role)} preselect={preselect} />}
      <SubmitButton pendingText="Creating…">Create user</SubmitButton>
    </form>
  );
}
