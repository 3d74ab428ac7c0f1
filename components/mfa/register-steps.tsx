"use client";
import { useMemo } from "react";
import { ApprovalFields, requestHref, type ApprovalOptionsView } from "@/components/quorum/approval-fields";
import { BrowserSigner } from "@/components/signing/browser-signer";
import { focusFirstEmpty, useTokenSigning } from "@/components/signing/use-token-signing";
import { FileOrPaste } from "@/components/token-files/file-or-paste";
import { SignatureFields, type UnsignedFile } from "@/components/token-files/signature-fields";
import { SignedFileUpload } from "@/components/token-files/signed-file-upload";
import { SigningHelp } from "@/components/token-files/signing-help";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { CurrentPasswordField, Field } from "@/components/ui/field";
import type { FormEvent } from "react";
import type { FormState } from "@/lib/forms/types";

export type Issued = { text: string; unsigned: string[]; preimages?: string[]; expiresAt: string };

type Props = { issued: Issued; username: string; role: string; fileName: string; self: boolean; approval?: ApprovalOptionsView | null; preselect?: string; state: FormState; register: (formData: FormData) => void; checkUploads: (event: FormEvent<HTMLFormElement>) => void };

/** Steps 2 and 3 of MFA registration: sign (here, or with openssl), then send the signed file with the public key. */
export function RegisterSteps({ issued, username, role, fileName, self, approval, preselect, state, register, checkUploads }: Props) {
  const file = useMemo(() => JSON.parse(issued.text) as UnsignedFile, [issued.text]);
  const { formRef, signatures, setSignatures, apply } = useTokenSigning(issued.unsigned.length);
  return (
    <>
      <div className="space-y-3">
        <h3 className="text-sm font-semibold">2. Sign it</h3>
        {issued.preimages && (
          <BrowserSigner items={issued.unsigned.map((token, i) => ({ token, preimage: issued.preimages![i] }))} keyFile="user.key" actionLabel="Sign here"
            onSigned={(signed) => {
              apply(signed.signatures, { public_key_pem: signed.publicKeyPem });
              focusFirstEmpty(formRef.current, ["current_password", "change_password"]);
            }} />
        )}
        <SigningHelp unsigned={issued.unsigned} fileName={fileName} />
      </div>
      <form ref={formRef} action={register} onSubmit={checkUploads} className="space-y-4" noValidate>
        <h3 className="text-sm font-semibold">3. Upload the signed file and your public key</h3>
        <input type="hidden" name="username" value={username} />
        <input type="hidden" name="role" value={role} />
        <FormMessage state={state} />
        <SignatureFields file={file} signatures={signatures} onChange={setSignatures} target="signed_token_file" />
        <SignedFileUpload state={state} label="Signed token file" />
        <FileOrPaste name="public_key_pem" label="Public key (PEM)" accept=".pem,.pub,.txt" errors={state.fieldErrors?.public_key_pem} defaultValue={state.values?.public_key_pem}
          hint="RSA, 2048 to 4096 bits: openssl rsa -in user.key -pubout -out user.pub.pem. Never upload the private key." placeholder="-----BEGIN PUBLIC KEY-----" />
        {self && <CurrentPasswordField id="mfa-register-current_password" errors={state.fieldErrors?.current_password} />}
        <Field name="change_password" id="mfa-register-change_password" label={self ? "Your password" : `Password for ${username}`} type="password" autoComplete={self ? "current-password" : "new-password"}
          errors={state.fieldErrors?.change_password} hint="Required, as --change-password: it may be the current password, or a new one (8 to 64 characters)." />
        <div className="flex items-start gap-2">
          <input id="change_quorum" name="change_quorum" type="checkbox" className="mt-1 size-4" aria-describedby="change_quorum-hint" />
          <div>
            <label htmlFor="change_quorum" className="text-sm font-medium">Also use this key for quorum approvals</label>
            <p id="change_quorum-hint" className="text-xs text-slate-600 dark:text-slate-400">--change-quorum: registers the same public key as the quorum key.</p>
          </div>
        </div>
        {approval && <ApprovalFields options={approval} idPrefix="mfa-register" errors={state.fieldErrors?.approval} requestHref={requestHref("user change-mfa", username, role)} preselect={preselect} />}
        <SubmitButton pendingText="Verifying signatures…">Register MFA key</SubmitButton>
      </form>
    </>
  );
}
