type FieldProps = {
  name: string;
  label: string;
  hint?: React.ReactNode;
  errors?: string[];
  children?: React.ReactNode;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name">;

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-sky-600 dark:border-slate-600 dark:bg-slate-900 aria-[invalid=true]:border-red-600";

/** A labelled input whose hint and errors are tied to it for screen readers. */
export function Field({ name, label, hint, errors, children, id, ...input }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = errors?.length ? `${inputId}-error` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={inputId} className="block text-sm font-medium">
        {label}
      </label>
      {children ?? (
        <input
          id={inputId}
          name={name}
          className={inputClass}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
          {...input}
        />
      )}
      {hint && (
        <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="text-sm text-red-700 dark:text-red-400">
          {errors!.join(" ")}
        </p>
      )}
    </div>
  );
}

/** Asked whenever people act on their own credentials, so that a stolen session alone cannot. */
export function CurrentPasswordField({ id, errors }: { id?: string; errors?: string[] }) {
  return (
    <Field name="current_password" id={id} label="Current password" type="password" autoComplete="current-password" required errors={errors}
      hint="The password you sign in with now. Five wrong ones in a row lock the account." />
  );
}
