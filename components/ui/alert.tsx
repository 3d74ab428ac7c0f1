import { CircleCheck, CircleX, Info, TriangleAlert } from "lucide-react";
import { RichText } from "./rich-text";

// One colour per meaning across the console: red refused or broken, amber needs attention, green done or
// healthy, sky for information. Badges use the same four.
const tones = {
  error: { box: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100", icon: CircleX },
  success: { box: "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100", icon: CircleCheck },
  info: { box: "border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100", icon: Info },
  warning: { box: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100", icon: TriangleAlert },
} as const;

export function Alert({ tone, title, children }: { tone: keyof typeof tones; title?: string; children?: React.ReactNode }) {
  const { box, icon: Icon } = tones[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`flex gap-3 rounded-md border px-4 py-3 text-sm ${box}`}>
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 [overflow-wrap:anywhere]">
        {title && <p className="font-semibold">{title}</p>}
        {children && <div className={title ? "mt-1" : ""}>{children}</div>}
      </div>
    </div>
  );
}

/** The polite live region a form announces its result in; `code` in a message shows as code. */
export function FormMessage({ state }: { state: { status: string; message?: string } }) {
  return (
    <div aria-live="polite" className="empty:hidden">
      {state.message && <Alert tone={state.status === "error" ? "error" : "success"}><RichText text={state.message} /></Alert>}
    </div>
  );
}
