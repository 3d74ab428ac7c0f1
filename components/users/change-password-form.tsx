"use client";
import { useActionState } from "react";
import { changePasswordAction } from "@/app/(console)/users/actions";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { idle } from "@/lib/forms/types";

export function ChangePasswordForm({ username, role, self, hasMfa }: { username: string; role: string; self: boolean; hasMfa: boolean }) {
  const [state, action] = useActionState(changePasswordAction, idle);
  return (
    <form action={action} className="max-w-lg space-y-4" noValidate key={state.status === "success" ? state.message : "form"}>
      <FormMessage state={state} />
      <input type="hidden" name="username" value={username} />
      <input type="hidden" name="role" value={role} />
      <Field
        name="password"
        label={self ? "Your new password" : `New password for ${username}`}
        type="password"
        autoComplete="new-password"
        errors={state.fieldErrors?.password}
        hint={self ? "8 to 64 characters. Your other sessions will end." : "8 to 64 characters. This also unlocks the account and ends the user's sessions."}
      />
      {hasMfa && (
        <div className="flex items-start gap-2">
          <input id="deregister_mfa" name="deregister_mfa" type="checkbox" className="mt-1 size-4" />
          <label htmlFor="deregister_mfa" className="text-sm">Also remove the MFA key (--deregister-mfa), for a user who lost their private key</label>
        </div>
      )}
      <SubmitButton pendingText="Changing…">Change password</SubmitButton>
    </form>
  );
}
