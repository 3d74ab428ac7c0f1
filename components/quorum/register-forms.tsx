"use client";
import { useActionState } from "react";
import { completeRegistrationAction, issueRegistrationAction } from "@/app/(console)/quorum/actions";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { CurrentPasswordField, Field, inputClass } from "@/components/ui/field";
import { idle } from "@/lib/forms/types";
import { DownloadLink } from "./download-link";
import { useUploadForm } from "@/components/forms/use-upload-form";

export function IssueRegistrationForm() {
  const [state, action] = useActionState(issueRegistrationAction, idle);
  const fileText = state.status === "success" ? (state.data?.fileText as string) : undefined;
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      {fileText ? (
        <>
          <DownloadLink text={fileText} filename="quorum-registration.json">Download quorum-registration.json</DownloadLink>
          <pre tabIndex={0} aria-label="Registration token file" className="overflow-x-auto rounded-md bg-slate-100 p-3 font-mono text-xs text-slate-900 dark:bg-slate-800 dark:text-slate-100">{fileText}</pre>
        </>
      ) : (
        <SubmitButton pendingText="Preparing…">Get a registration token file</SubmitButton>
      )}
    </form>
  );
}

export function CompleteRegistrationForm() {
  const [state, action, checkUploads] = useUploadForm(completeRegistrationAction);
  return (
    <form action={action} onSubmit={checkUploads} className="space-y-4" noValidate key={state.status === "success" ? state.message : "form"}>
      <FormMessage state={state} />
      <Field name="public_key_file" label="Quorum public key file (PEM)" type="file" accept=".pem,.pub,.txt" hint="quorum.pub.pem from openssl rsa -in quorum.key -pubout. Never upload the private key." />
      <Field name="public_key_pem" label="Or paste the public key" errors={state.fieldErrors?.public_key_pem}>
        <textarea id="field-public_key_pem" name="public_key_pem" rows={4} className={`${inputClass} font-mono`} spellCheck={false} placeholder="-----BEGIN PUBLIC KEY-----" aria-invalid={state.fieldErrors?.public_key_pem ? true : undefined} aria-describedby={state.fieldErrors?.public_key_pem ? "field-public_key_pem-error" : undefined} />
      </Field>
      <Field name="signed_token_file" label="Signed registration token file" type="file" accept=".json,application/json" hint="The downloaded file, with its signed value filled in." />
      <CurrentPasswordField errors={state.fieldErrors?.current_password} />
      <SubmitButton pendingText="Checking…">Register quorum key</SubmitButton>
    </form>
  );
}
