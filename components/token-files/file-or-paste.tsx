import { inputClass } from "@/components/ui/field";

/** A file to upload, or its text pasted: the server takes whichever is given. */
export function FileOrPaste({ name, label, hint, accept, errors, placeholder, defaultValue }: { name: string; label: string; hint: string; accept: string; errors?: string[]; placeholder: string; defaultValue?: string }) {
  const errorId = errors?.length ? `${name}-error` : undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={[`${name}-hint`, errorId].filter(Boolean).join(" ")}>
      <legend className="text-sm font-medium">{label}</legend>
      <p id={`${name}-hint`} className="text-xs text-slate-600 dark:text-slate-400">{hint}</p>
      <div>
        <label htmlFor={`${name}-upload`} className="block text-xs font-medium text-slate-700 dark:text-slate-300">Upload a file</label>
        <input id={`${name}-upload`} name={`${name}_upload`} type="file" accept={accept} className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm dark:file:border-slate-600 dark:file:bg-slate-900 dark:file:text-slate-100" />
      </div>
      <div>
        <label htmlFor={`${name}-text`} className="block text-xs font-medium text-slate-700 dark:text-slate-300">or paste it</label>
        <textarea id={`${name}-text`} name={name} rows={4} defaultValue={defaultValue} spellCheck={false} placeholder={placeholder} aria-invalid={errors?.length ? true : undefined} className={`${inputClass} mt-1 font-mono text-xs`} />
      </div>
      {errorId && <p id={errorId} className="text-sm text-red-700 dark:text-red-400">{errors!.join(" ")}</p>}
    </fieldset>
  );
}
