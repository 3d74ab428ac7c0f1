"use client";
import { useEffect, useId, useLayoutEffect, useRef } from "react";
import { setFormField } from "@/components/signing/use-token-signing";
import { inputClass } from "@/components/ui/field";

/** The file as issued: cloudhsm-cli's `tokens`, each with "unsigned" and "signed" (and approval_data for quorum registration). */
export type UnsignedFile = { version: string; tokens: Record<string, string>[] };

/** The signed file, byte for byte the issued one with each "signed" filled in. */
export function assembleSignedFile(file: UnsignedFile, signatures: string[]): string {
  const tokens = file.tokens.map((t, i) => ({ ...t, signed: (signatures[i] ?? "").replace(/\s+/g, "") }));
  return JSON.stringify({ version: file.version, tokens }, null, 2) + "\n";
}

/**
 * One signature field per token: paste what `base64 -w0 tokenN.sig.bin` printed, and the page writes the
 * signed file into the form's `target` field; nobody edits JSON. The fields have no name of their own.
 */
export function SignatureFields({ file, signatures, onChange, target }: { file: UnsignedFile; signatures: string[]; onChange: (next: string[]) => void; target: string }) {
  const id = useId();
  const box = useRef<HTMLFieldSetElement>(null);
  const signed = signatures.some((s) => s.trim()) ? assembleSignedFile(file, signatures) : null;
  useLayoutEffect(() => {
    if (signed) setFormField(box.current?.form ?? null, target, signed);
  }, [signed, target]);
  // React resets a form's fields after its action; the fields keep their signatures, and each submission carries the file they make.
  useEffect(() => {
    const form = box.current?.form;
    if (!form || !signed) return;
    const put = (e: FormDataEvent) => e.formData.set(target, signed);
    form.addEventListener("formdata", put);
    return () => form.removeEventListener("formdata", put);
  }, [signed, target]);
  const n = file.tokens.length;
  return (
    <fieldset ref={box} className="space-y-3" aria-describedby={`${id}-hint`}>
      <legend className="text-sm font-medium">Signature for each token</legend>
      <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
        Paste the base64 signature of each token (what <code className="font-mono">base64 -w0 token1.sig.bin</code> printed); the page writes the signed file below.
      </p>
      {file.tokens.map((t, i) => (
        <div key={t.unsigned} className="space-y-1">
          <label htmlFor={`${id}-${i}`} className="block text-xs font-medium text-slate-700 dark:text-slate-300">
            Token {i + 1}{n > 1 ? ` of ${n}` : ""} signature <span className="font-normal">(token {t.unsigned.slice(0, 10)}…)</span>
          </label>
          <textarea id={`${id}-${i}`} rows={2} spellCheck={false} value={signatures[i] ?? ""} onChange={(e) => onChange(file.tokens.map((_, j) => (j === i ? e.target.value : (signatures[j] ?? ""))))}
            className={`${inputClass} font-mono text-xs`} />
        </div>
      ))}
    </fieldset>
  );
}
