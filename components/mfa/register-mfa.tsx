"use client";
import { useActionState, useEffect } from "react";
import { registerMfaAction, requestTokenFileAction } from "@/app/(console)/users/[username]/mfa/actions";
import { Alert, FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { CurrentPasswordField, Field } from "@/components/ui/field";
import { downloadText } from "@/components/token-files/download";
import { FileOrPaste } from "@/components/token-files/file-or-paste";
import { SignedFileUpload } from "@/components/token-files/signed-file-upload";
import { SigningHelp } from "@/components/token-files/signing-help";
import { idle } from "@/lib/forms/types";
import { ApprovalFields, requestHref, type ApprovalOptionsView } from "@/components/quorum/approval-fields";
import { useUploadForm } from "@/components/forms/use-upload-form";

type Issued = { text: string; unsigned: string[]; expiresAt: string };

export function RegisterMfa({ username, role, fileName, self, approval }: { username: string; role: string; fileName: string; self: boolean; approval?: ApprovalOptionsView | null }) {
  const [tokenState, requestToken] = useActionState(requestTokenFileAction, idle);
  const [state, register, checkUploads] = useUploadForm(registerMfaAction);
  const issued = tokenState.status === "success" ? (tokenState.data as Issued) : null;
  useEffect(() => {
    if (issued) downloadText(fileName, issued.text);
  }, [issued, fileName]);

  if (state.status === "success") {
    return <Alert tone="success" title="MFA registered">{state.message} {self ? "Your other sessions have ended." : "The user's sessions have ended."}</Alert>;
  }
  return (
    <div className="space-y-6">
      <form action={requestToken} className="space-y-3">
        <input type="hidden" name="username" value={username} />
        <input type="hidden" name="role" value={role} />
        <h3 className="text-sm font-semibold">1. Download the token file</h3>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          One token per HSM of the cluster, as <code className="font-mono">user change-mfa token-sign --token</code> writes it.
        </p>
        <FormMessage state={tokenState.status === "error" ? tokenState : idle} />
        <SubmitButton variant="secondary" pendingText="Preparing…">{issued ? "Download a new token file" : "Download token file"}</SubmitButton>
        {issued && (
          <p role="status" className="text-sm">
            Saved <code className="font-mono">{fileName}</code>: {issued.unsigned.length} token{issued.unsigned.length === 1 ? "" : "s"}, valid until{" "}
            {issued.expiresAt.slice(11, 16)} UTC.{" "}
            <button type="button" className="text-sky-700 underline dark:text-sky-400" onClick={() => downloadText(fileName, issued.text)}>Save again</button>
          </p>
        )}
      </form>
      {issued && (
        <>
          <div className="space-y-3">
            <h3 className="text-sm font-semibold">2. Sign it</h3>
            <SigningHelp unsigned={issued.unsigned} fileName={fileName} />
          </div>
          <form action={register} onSubmit={checkUploads} className="space-y-4" noValidate>
            <h3 className="text-sm font-semibold">3. Upload the signed file and your public key</h3>
            <input type="hidden" name="username" value={username} />
            <input type="hidden" name="role" value={role} />
            <FormMessage state={state} />
            <SignedFileUpload state={state} label="Signed token file" />
            <FileOrPaste name="public_key_pem" label="Public key (PEM)" accept=".pem,.pub,.txt" errors={state.fieldErrors?.public_key_pem} defaultValue={state.values?.public_key_pem}
              hint="RSA, 2048 to 4096 bits: openssl rsa -in user.key -pubout -out user.pub.pem. Never upload the private key." placeholder="-----BEGIN PUBLIC KEY-----" />
            {self && <CurrentPasswordField id="mfa-register-current_password" errors={state.fieldErrors?.current_password} />}
            <Field name="change_password" label={self ? "Your password" : `Password for ${username}`} type="password" autoComplete={self ? "current-password" : "new-password"}
              errors={state.fieldErrors?.change_password} hint="Required, as --change-password: it may be the current password, or a new one (8 to 64 characters)." />
            <div className="flex items-start gap-2">
              <input id="change_quorum" name="change_quorum" type="checkbox" className="mt-1 size-4" aria-describedby="change_quorum-hint" />
              <div>
                <label htmlFor="change_quorum" className="text-sm font-medium">Also use this key for quorum approvals</label>
                <p id="change_quorum-hint" className="text-xs text-slate-600 dark:text-slate-400">--change-quorum: registers the same public key as the quorum key.</p>
              </div>
            </div>
            {approval && <ApprovalFields options={approval} idPrefix="mfa-register" errors={state.fieldErrors?.approval} requestHref={requestHref("user change-mfa", username, role)} />}
            <SubmitButton pendingText="Verifying signatures…">Register MFA key</SubmitButton>
          </form>
        </>
      )}
    </div>
  );
}
