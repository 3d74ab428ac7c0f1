"use client";
import { useActionState, useMemo } from "react";
import { completeRegistrationAction, issueRegistrationAction } from "@/app/(console)/quorum/actions";
import { BrowserSigner } from "@/components/signing/browser-signer";
import { focusFirstEmpty, useTokenSigning } from "@/components/signing/use-token-signing";
import { HardwareKeyDetails } from "@/components/token-files/hardware-help";
import { SignatureFields, type UnsignedFile } from "@/components/token-files/signature-fields";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CurrentPasswordField, Field, inputClass } from "@/components/ui/field";
import { CodeBlock } from "@/components/ui/code-block";
import { useUploadForm } from "@/components/forms/use-upload-form";
import { idle } from "@/lib/forms/types";
import { Commands, DownloadLink } from "./download-link";

const SIGN_COMMANDS = [
  "jq -r '.tokens[0].approval_data' quorum-registration.json | base64 -d; echo",
  "jq -r '.tokens[0].unsigned' quorum-registration.json | base64 -d > token.bin",
  "openssl pkeyutl -sign -inkey quorum.key -pkeyopt digest:sha256 -keyform PEM -in token.bin -out token.sig.bin",
  "jq --arg s \"$(base64 -w0 token.sig.bin)\" '.tokens[0].signed = $s' quorum-registration.json > quorum-registration.signed.json",
];

/** Steps 2 to 4 of quorum key registration: get the token file, sign it (here or with openssl), send it with the public key. */
export function QuorumRegistrationSteps({ browserSigning }: { browserSigning: boolean }) {
  const [issueState, issue] = useActionState(issueRegistrationAction, idle);
  const fileText = issueState.status === "success" ? (issueState.data?.fileText as string) : undefined;
  return (
    <>
      <Card title="2. Get the registration token file">
        <form action={issue} className="space-y-3">
          <FormMessage state={issueState} />
          {fileText ? (
            <>
              <DownloadLink text={fileText} filename="quorum-registration.json">Download quorum-registration.json</DownloadLink>
              <CodeBlock label="Registration token file">{fileText}</CodeBlock>
            </>
          ) : (
            <SubmitButton pendingText="Preparing…">Get a registration token file</SubmitButton>
          )}
        </form>
      </Card>
      <SignAndComplete key={fileText ?? "none"} fileText={fileText} browserSigning={browserSigning} />
    </>
  );
}

function SignAndComplete({ fileText, browserSigning }: { fileText?: string; browserSigning: boolean }) {
  const [state, action, checkUploads] = useUploadForm(completeRegistrationAction);
  const file = useMemo(() => (fileText ? (JSON.parse(fileText) as UnsignedFile) : null), [fileText]);
  const { formRef, signatures, setSignatures, apply } = useTokenSigning(1);
  const token = file?.tokens[0];
  return (
    <>
      <Card title="3. Sign it" description="Sign the 32 bytes of unsigned as they are (they are already a SHA-256 digest); do not use openssl dgst.">
        <div className="space-y-3">
          {browserSigning && token && (
            <BrowserSigner items={[{ token: token.unsigned, preimage: token.approval_data }]} keyFile="quorum.key" actionLabel="Sign here"
              onSigned={(signed) => {
                // Registering your own key needs your current password: send at once only when it is there.
                apply(signed.signatures, { public_key_pem: signed.publicKeyPem });
                if (!focusFirstEmpty(formRef.current, ["current_password"])) formRef.current?.requestSubmit();
              }} />
          )}
          <Commands label="Commands to sign the registration token" lines={SIGN_COMMANDS} />
          <p className="text-xs text-slate-600 dark:text-slate-400">Without jq: decode the unsigned value with base64 -d, sign, and paste the output of base64 -w0 token.sig.bin (macOS: base64 -i) below.</p>
          {token && <HardwareKeyDetails unsigned={[token.unsigned]} publicKey="quorum" />}
        </div>
      </Card>
      <Card title="4. Upload the key and the signed file">
        <form ref={formRef} action={action} onSubmit={checkUploads} className="space-y-4" noValidate key={state.status === "success" ? state.message : "form"}>
          <FormMessage state={state} />
          <Field name="public_key_file" label="Quorum public key file (PEM)" type="file" accept=".pem,.pub,.txt" hint="quorum.pub.pem from openssl rsa -in quorum.key -pubout. Never upload the private key." />
          <Field name="public_key_pem" label="Or paste the public key" errors={state.fieldErrors?.public_key_pem}>
            <textarea id="field-public_key_pem" name="public_key_pem" rows={4} className={`${inputClass} font-mono`} spellCheck={false} placeholder="-----BEGIN PUBLIC KEY-----" aria-invalid={state.fieldErrors?.public_key_pem ? true : undefined} aria-describedby={state.fieldErrors?.public_key_pem ? "field-public_key_pem-error" : undefined} />
          </Field>
          {file && <SignatureFields file={file} signatures={signatures} onChange={setSignatures} target="signed_token_file_text" />}
          <Field name="signed_token_file" label="Signed registration token file" type="file" accept=".json,application/json" hint="The downloaded file, with its signed value filled in." />
          <Field name="signed_token_file_text" label="Or the signed file as text">
            <textarea id="field-signed_token_file_text" name="signed_token_file_text" rows={4} className={`${inputClass} font-mono text-xs`} spellCheck={false} placeholder='{ "version": "2.0", "tokens": [ … ] }' />
          </Field>
          <CurrentPasswordField errors={state.fieldErrors?.current_password} />
          <SubmitButton pendingText="Checking…">Register quorum key</SubmitButton>
        </form>
      </Card>
    </>
  );
}
