"use client";
import { useId, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { inputClass } from "@/components/ui/field";
import { KeyFileError, signWithKeyFile, type BrowserSignatures, type SigningItem } from "@/lib/browser-signing/sign";

type Status = { tone: "idle" | "busy" | "done" | "error"; text: string };

/**
 * "Sign here": reads the private key file in this tab, signs every token with WebCrypto, hands the
 * signatures to the form and forgets the key. The file and passphrase inputs have no name and sit outside
 * any form, so no submission can carry them.
 */
export function BrowserSigner({ items, keyFile, actionLabel, onSigned }: { items: SigningItem[]; keyFile: string; actionLabel: string; onSigned: (signed: BrowserSignatures) => void | Promise<void> }) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>({ tone: "idle", text: "" });

  async function sign() {
    const file = fileRef.current?.files?.[0];
    if (!file) return setStatus({ tone: "error", text: `Choose your private key file (${keyFile}) first.` });
    if (file.size > 64 * 1024) return setStatus({ tone: "error", text: "This file is too large to be a private key file." });
    setStatus({ tone: "busy", text: "Signing in this tab…" });
    try {
      const signed = await signWithKeyFile(await file.text(), passRef.current?.value ?? "", items);
      setStatus({ tone: "done", text: `Signed ${items.length} token${items.length === 1 ? "" : "s"} in this tab with an RSA-${signed.bits} key. The key is forgotten.` });
      await onSigned(signed);
    } catch (error) {
      setStatus({ tone: "error", text: error instanceof KeyFileError ? error.message : "The key could not be used to sign. Nothing was sent." });
    } finally {
      if (fileRef.current) fileRef.current.value = "";
      if (passRef.current) passRef.current.value = "";
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-md border border-sky-200 bg-sky-50/50 p-4 dark:border-sky-900 dark:bg-sky-950/30">
      <h3 id={`${id}-title`} className="text-sm font-semibold">Sign in this browser</h3>
      <p id={`${id}-note`} className="text-sm text-slate-700 dark:text-slate-300">
        Your key is used in this tab and never sent: the page reads the file, signs with the browser&apos;s own cryptography, and
        forgets the key. Only the signatures go to the server. If your organisation keeps keys out of browsers, sign with openssl or your hardware key instead.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${id}-key`} className="block text-sm font-medium">Private key file ({keyFile})</label>
          <input ref={fileRef} id={`${id}-key`} type="file" accept=".key,.pem,.p8,.txt" aria-describedby={`${id}-note`} className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm dark:file:border-slate-600 dark:file:bg-slate-900 dark:file:text-slate-100" />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-pass`} className="block text-sm font-medium">Passphrase (encrypted keys only)</label>
          <input ref={passRef} id={`${id}-pass`} type="password" autoComplete="off" className={inputClass} />
        </div>
      </div>
      <button type="button" onClick={sign} disabled={status.tone === "busy"} className={buttonClass("secondary")}>{actionLabel}</button>
      <div aria-live="polite" className="empty:hidden text-sm">
        {status.tone === "error" && <p className="text-red-700 dark:text-red-400">{status.text}</p>}
        {(status.tone === "busy" || status.tone === "done") && <p className="text-emerald-800 dark:text-emerald-300">{status.text}</p>}
      </div>
    </section>
  );
}
