"use client";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { CodeBlock } from "@/components/ui/code-block";
import { posixScript, powershellScript, signedFileName, tokenCommands, VERIFY } from "./commands";
import { downloadText } from "./download";
import { KmsHelp, Pkcs11Help } from "./hardware-help";

const tabs = [
  { id: "linux", label: "Linux" },
  { id: "macos", label: "macOS" },
  { id: "script", label: "Script (sh)" },
  { id: "powershell", label: "Windows PowerShell" },
  { id: "pkcs11", label: "Smart card (PKCS#11)" },
  { id: "kms", label: "AWS KMS" },
] as const;

type Tab = (typeof tabs)[number]["id"];

export function Code({ label, children }: { label: string; children: string }) {
  return <CodeBlock label={label} dark>{children}</CodeBlock>;
}

/** How to sign the token file, for each platform, with the exact commands for these tokens. */
export function SigningHelp({ unsigned, fileName }: { unsigned: string[]; fileName: string }) {
  const [tab, setTab] = useState<Tab>("linux");
  const signed = signedFileName(fileName);
  return (
    <section aria-labelledby="signing-help" className="space-y-3">
      <h3 id="signing-help" className="text-sm font-semibold">Sign each token with your private key</h3>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Each token is already a SHA-256 digest: sign it as it is with <code className="font-mono">openssl pkeyutl -pkeyopt digest:sha256</code>.
        Do not use <code className="font-mono">openssl dgst -sha256 -sign</code>, which hashes it a second time.
      </p>
      <div role="tablist" aria-label="Your platform" className="flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-800">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            onClick={() => setTab(t.id)}
            className={`-mb-px rounded-t-md border-b-2 px-3 py-2 text-sm ${tab === t.id ? "border-sky-700 font-medium text-sky-800 dark:border-sky-400 dark:text-sky-300" : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="space-y-3 text-sm">
        {(tab === "linux" || tab === "macos") && (
          <>
            {unsigned.map((u, i) => (
              <div key={u} className="space-y-1">
                <p>Token {i + 1} of {unsigned.length}: run these, then paste the last line&apos;s output into this token&apos;s signature field below.</p>
                <Code label={`Token ${i + 1} commands (${tab === "linux" ? "Linux" : "macOS"})`}>{tokenCommands(u, i + 1, tab)}</Code>
              </div>
            ))}
          </>
        )}
        {tab === "script" && (
          <>
            <p>Save as <code className="font-mono">sign-tokens.sh</code> and run <code className="font-mono">sh sign-tokens.sh user.key</code>; it writes <code className="font-mono">{signed}</code>.</p>
            <button type="button" className={buttonClass("secondary")} onClick={() => downloadText("sign-tokens.sh", posixScript(unsigned, signed), "text/x-sh")}>Download sign-tokens.sh</button>
            <Code label="Signing script (POSIX shell)">{posixScript(unsigned, signed)}</Code>
          </>
        )}
        {tab === "powershell" && (
          <>
            <p>Save as <code className="font-mono">sign-tokens.ps1</code> beside {fileName} and run <code className="font-mono">.\sign-tokens.ps1 -Key user.key</code>; it writes <code className="font-mono">{signed}</code>.</p>
            <button type="button" className={buttonClass("secondary")} onClick={() => downloadText("sign-tokens.ps1", powershellScript(fileName, signed), "text/plain")}>Download sign-tokens.ps1</button>
            <Code label="Signing script (PowerShell)">{powershellScript(fileName, signed)}</Code>
          </>
        )}
        {tab === "pkcs11" && <Pkcs11Help unsigned={unsigned} />}
        {tab === "kms" && <KmsHelp unsigned={unsigned} />}
        <details className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
          <summary className="cursor-pointer font-medium">Check a signature before uploading</summary>
          <p className="mt-2">With the public key you are about to upload; openssl prints “Signature Verified Successfully”:</p>
          <Code label="Verify command">{VERIFY(1)}</Code>
        </details>
      </div>
    </section>
  );
}
