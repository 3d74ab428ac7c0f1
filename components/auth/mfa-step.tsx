"use client";
import { useEffect, useMemo } from "react";
import { mfaLoginAction } from "@/app/login/actions";
import { BrowserSigner } from "@/components/signing/browser-signer";
import { useTokenSigning } from "@/components/signing/use-token-signing";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { downloadText } from "@/components/token-files/download";
import { SignatureFields, type UnsignedFile } from "@/components/token-files/signature-fields";
import { SignedFileUpload } from "@/components/token-files/signed-file-upload";
import { SigningHelp } from "@/components/token-files/signing-help";
import { useUploadForm } from "@/components/forms/use-upload-form";

export type LoginChallenge = { text: string; unsigned: string[]; preimages?: string[]; expiresAt: string; fileName: string };

/** The second factor: sign the login token file with the MFA key (here, or with openssl and an upload). */
export function MfaStep({ clusterId, username, challenge }: { clusterId: string; username: string; challenge: LoginChallenge }) {
  const [state, action, checkUploads] = useUploadForm(mfaLoginAction);
  const file = useMemo(() => JSON.parse(challenge.text) as UnsignedFile, [challenge.text]);
  const { formRef, signatures, setSignatures, apply } = useTokenSigning(challenge.unsigned.length);
  useEffect(() => downloadText(challenge.fileName, challenge.text), [challenge]);
  return (
    <div className="space-y-5">
      <div role="status" className="text-sm">
        <p className="font-medium">Password accepted. {username} signs in with token-sign MFA.</p>
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          Your browser saved <code className="font-mono">{challenge.fileName}</code> ({challenge.unsigned.length} token{challenge.unsigned.length === 1 ? "" : "s"}, valid until {challenge.expiresAt.slice(11, 16)} UTC).{" "}
          <button type="button" className="text-sky-700 underline dark:text-sky-400" onClick={() => downloadText(challenge.fileName, challenge.text)}>Save it again</button>
        </p>
      </div>
      {challenge.preimages && (
        <BrowserSigner items={challenge.unsigned.map((token, i) => ({ token, preimage: challenge.preimages![i] }))} keyFile="user.key" actionLabel="Sign here and sign in"
          onSigned={(signed) => apply(signed.signatures, {}, true)} />
      )}
      <SigningHelp unsigned={challenge.unsigned} fileName={challenge.fileName} />
      <form ref={formRef} action={action} onSubmit={checkUploads} className="space-y-4" noValidate>
        <input type="hidden" name="cluster_id" value={clusterId} />
        <input type="hidden" name="username" value={username} />
        <FormMessage state={state} />
        <SignatureFields file={file} signatures={signatures} onChange={setSignatures} target="signed_token_file" />
        <SignedFileUpload state={state} label="Signed login token file" />
        <SubmitButton pendingText="Verifying…">Verify and sign in</SubmitButton>
      </form>
    </div>
  );
}
