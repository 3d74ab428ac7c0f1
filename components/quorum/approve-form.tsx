"use client";
import { useRef } from "react";
import { approveAction } from "@/app/(console)/approvals/actions";
import { BrowserSigner } from "@/components/signing/browser-signer";
import { setFormField } from "@/components/signing/use-token-signing";
import { HardwareKeyDetails } from "@/components/token-files/hardware-help";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useUploadForm } from "@/components/forms/use-upload-form";

/** Records the signed-in admin's signature over one token: made here, pasted, or inside the approval file. */
export function ApproveForm({ token, approvalData, label, browserSigning }: { token: string; approvalData: string; label: string; browserSigning: boolean }) {
  const [state, action, checkUploads] = useUploadForm(approveAction);
  const formRef = useRef<HTMLFormElement>(null);
  const id = `sig-${token.replace(/[^A-Za-z0-9]/g, "").slice(0, 12)}`;
  return (
    <div className="space-y-4">
      {browserSigning && (
        // The token is SHA-256 of approval_data: WebCrypto signs approval_data, openssl pkeyutl the token; same bytes.
        <BrowserSigner items={[{ token, preimage: approvalData }]} keyFile="quorum.key" actionLabel="Sign here"
          onSigned={(signed) => {
            setFormField(formRef.current, "signature", signed.signatures[0]);
            formRef.current?.requestSubmit();
          }} />
      )}
      <HardwareKeyDetails unsigned={[token]} publicKey={null} />
      <form ref={formRef} action={action} onSubmit={checkUploads} className="space-y-3" noValidate>
        <FormMessage state={state} />
        <input type="hidden" name="token" value={token} />
        <Field name="signature" id={id} label={`Your signature for ${label} (base64)`} errors={state.fieldErrors?.signature} hint="The output of the last command above.">
          <textarea id={id} name="signature" rows={3} className={`${inputClass} font-mono`} aria-describedby={`${id}-hint`} spellCheck={false} />
        </Field>
        <Field name="approval_file" id={`${id}-file`} label="Or the approval file with your signature added" type="file" accept=".json,application/json" />
        <SubmitButton pendingText="Checking…">Approve</SubmitButton>
      </form>
    </div>
  );
}
