"use client";
import { useId, useState } from "react";
import { inputClass } from "@/components/ui/field";
import { type KeyName, kmsCommands, kmsPublicKey, pkcs11EngineCommands, pkcs11Pin, pkcs11PublicKey, pkcs11ToolCommands } from "./hardware-commands";
import { Code } from "./signing-help";

// Only characters a path, hex id or KMS key id needs, so what the page prints is safe to paste into a shell.
const SAFE_PATH = /^[\w./+:-]{1,200}$/;
const HEX_ID = /^([0-9a-fA-F]{2}){1,32}$/;

function Setting({ label, value, onChange, hint, valid }: { label: string; value: string; onChange: (v: string) => void; hint: string; valid: boolean }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium">{label}</label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value.trim())} spellCheck={false} aria-invalid={!valid || undefined} aria-describedby={`${id}-hint`} className={`${inputClass} font-mono text-xs`} />
      <p id={`${id}-hint`} className={`text-xs ${valid ? "text-slate-600 dark:text-slate-400" : "text-red-700 dark:text-red-400"}`}>{valid ? hint : `Not usable in a command: ${hint}`}</p>
    </div>
  );
}

/** A PIV smart card or any PKCS#11 token: the private key never leaves the hardware. */
export function Pkcs11Help({ unsigned, publicKey = "user" }: { unsigned: string[]; publicKey?: KeyName | null }) {
  const [module, setModule] = useState("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so");
  const [id, setId] = useState("01");
  const key = { module, id };
  const ok = SAFE_PATH.test(module) && HEX_ID.test(id);
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <Setting label="PKCS#11 module" value={module} onChange={setModule} valid={SAFE_PATH.test(module)}
          hint="OpenSC on Linux; macOS: /Library/OpenSC/lib/opensc-pkcs11.so; YubiKey: libykcs11.so" />
        <Setting label="Key id (hex)" value={id} onChange={setId} valid={HEX_ID.test(id)} hint="pkcs11-tool --list-objects shows it; PIV slot 9a is 01" />
      </div>
      {ok && (
        <>
          {publicKey && (
            <>
              <p>Your public key, to upload with the signed file:</p>
              <Code label="Public key from the token (PKCS#11)">{pkcs11PublicKey(key, publicKey)}</Code>
            </>
          )}
          <p>The commands read your PIN from <code className="font-mono">PKCS11_PIN</code>; set it without showing it:</p>
          <Code label="PIN for the PKCS#11 commands">{pkcs11Pin}</Code>
          <p>With OpenSSL&apos;s pkcs11 engine (Debian: <code className="font-mono">libengine-pkcs11-openssl</code>), the same <code className="font-mono">pkeyutl</code> signature as with a key file:</p>
          {unsigned.map((u, i) => <Code key={u} label={`Token ${i + 1} commands (PKCS#11, openssl)`}>{pkcs11EngineCommands(u, i + 1, key)}</Code>)}
          <p>Or with <code className="font-mono">pkcs11-tool</code> (OpenSC), which signs the SHA-256 DigestInfo prefix followed by the token with plain <code className="font-mono">RSA-PKCS</code>:</p>
          {unsigned.map((u, i) => <Code key={u} label={`Token ${i + 1} commands (PKCS#11, pkcs11-tool)`}>{pkcs11ToolCommands(u, i + 1, key)}</Code>)}
          <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
            Do not use <code className="font-mono">yubico-piv-tool -a sign</code> or <code className="font-mono">pkcs11-tool -m SHA256-RSA-PKCS</code>: they hash the token again
            (as <code className="font-mono">openssl dgst</code> does) and the console refuses that signature.
          </p>
        </>
      )}
    </div>
  );
}

/** An RSA key in AWS KMS (key spec RSA_2048 to RSA_4096, usage SIGN_VERIFY). */
export function KmsHelp({ unsigned, publicKey = "user" }: { unsigned: string[]; publicKey?: KeyName | null }) {
  const [keyId, setKeyId] = useState("alias/hsm-mfa");
  const ok = SAFE_PATH.test(keyId);
  return (
    <div className="space-y-3">
      <Setting label="KMS key id, ARN or alias" value={keyId} onChange={setKeyId} valid={ok} hint="for example alias/hsm-mfa; the key is RSA_2048 to RSA_4096 with usage SIGN_VERIFY" />
      {ok && (
        <>
          {publicKey && (
            <>
              <p>Your public key, to upload with the signed file:</p>
              <Code label="Public key from AWS KMS">{kmsPublicKey(keyId, publicKey)}</Code>
            </>
          )}
          <p>KMS signs each token as the digest it is (<code className="font-mono">--message-type DIGEST</code>) and prints the signature in base64: paste it into the signature field below.</p>
          {unsigned.map((u, i) => <Code key={u} label={`Token ${i + 1} commands (AWS KMS)`}>{kmsCommands(u, i + 1, keyId)}</Code>)}
        </>
      )}
    </div>
  );
}

/** The same help folded away, for pages with one token and their own openssl commands (quorum registration, Approvals). */
export function HardwareKeyDetails({ unsigned, publicKey }: { unsigned: string[]; publicKey: KeyName | null }) {
  return (
    <details className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
      <summary className="cursor-pointer font-medium">With a smart card (PKCS#11) or AWS KMS</summary>
      <div className="mt-3 space-y-4">
        <h4 className="font-semibold">Smart card or PKCS#11 token</h4>
        <Pkcs11Help unsigned={unsigned} publicKey={publicKey} />
        <h4 className="font-semibold">AWS KMS</h4>
        <KmsHelp unsigned={unsigned} publicKey={publicKey} />
      </div>
    </details>
  );
}
