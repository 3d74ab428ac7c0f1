import type { LucideIcon } from "lucide-react";

/** Nothing to show yet: says why, and what to do next. */
export function EmptyState({ icon: Icon, title, children }: { icon: LucideIcon; title: string; children?: React.ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-slate-300 px-6 py-10 text-center dark:border-slate-700">
      <Icon aria-hidden className="size-6 text-slate-500 dark:text-slate-400" />
      <p className="font-medium">{title}</p>
      {children && <div className="max-w-md text-sm text-slate-600 dark:text-slate-400">{children}</div>}
    </div>
  );
}
