"use client";
import { useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";

/** Puts a value into a form's field by name, and clears the file upload of the same purpose (which the server would prefer). */
export function setFormField(form: HTMLFormElement | null, name: string, value: string) {
  const field = form?.elements.namedItem(name);
  if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) field.value = value;
  const upload = form?.elements.namedItem(`${name}_upload`);
  if (upload instanceof HTMLInputElement) upload.value = "";
}

/** After signing, the user still gives their password(s): the cursor goes to the first one left empty. Returns whether one was. */
export function focusFirstEmpty(form: HTMLFormElement | null, names: string[]): boolean {
  for (const name of names) {
    const field = form?.elements.namedItem(name);
    if (field instanceof HTMLInputElement && !field.value) {
      field.focus();
      return true;
    }
  }
  return false;
}

/** The per-token signatures of one token file, and a way to put browser-made ones into the form (and send it). */
export function useTokenSigning(count: number) {
  const formRef = useRef<HTMLFormElement>(null);
  const [signatures, setSignatures] = useState<string[]>(() => Array.from({ length: count }, () => ""));
  const filled = useRef<Record<string, string>>({});
  // Fields the page filled (the public key) go with every submission in which they were left empty,
  // since React clears the form after each attempt.
  useEffect(() => {
    const form = formRef.current;
    const put = (e: FormDataEvent) => {
      for (const [name, value] of Object.entries(filled.current)) if (!String(e.formData.get(name) ?? "").trim()) e.formData.set(name, value);
    };
    form?.addEventListener("formdata", put);
    return () => form?.removeEventListener("formdata", put);
  }, []);
  function apply(next: string[], fields: Record<string, string> = {}, submit = false) {
    // Synchronously, so the signed file is in the form before it is submitted.
    flushSync(() => setSignatures(next));
    filled.current = fields;
    for (const [name, value] of Object.entries(fields)) setFormField(formRef.current, name, value);
    if (submit) formRef.current?.requestSubmit();
  }
  return { formRef, signatures, setSignatures, apply };
}
