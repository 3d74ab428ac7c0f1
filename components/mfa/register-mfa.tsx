"use client";
import { useActionState, useEffect } from "react";
import { registerMfaAction, requestTokenFileAction } from "@/app/(console)/users/[username]/mfa/actions";
import { Alert, FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { downloadText } from "@/components/token-files/download";
import { useUploadForm } from "@/components/forms/use-upload-form";
import { idle } from "@/lib/forms/types";
import type { ApprovalOptionsView } from "@/components/quorum/approval-fields";
import { RegisterSteps, type Issued } from "./register-steps";

export function RegisterMfa({ username, role, fileName, self, approval, preselect }: { username: string; role: string; fileName: string; self: boolean; approval?: ApprovalOptionsView | null; preselect?: string }) {
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
      {issued && <RegisterSteps key={issued.text} issued={issued} username={username} role={role} fileName={fileName} self={self} approval={approval} preselect={preselect} state={state} register={register} checkUploads={checkUploads} />}
    </div>
  );
}
