"use client";
import { useFormStatus } from "react-dom";
import { buttonClass, type Variant } from "./button-class";

export { buttonClass };

/** A submit button that shows progress while its form's action runs. */
export function SubmitButton({ children, pendingText, variant = "primary", name, value }: {
  children: React.ReactNode;
  pendingText: string;
  variant?: Variant;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={buttonClass(variant)} disabled={pending} aria-disabled={pending} name={name} value={value}>
      {pending ? (
        <>
          <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" />
          {pendingText}
        </>
      ) : (
        children
      )}
    </button>
  );
}
