import type { LucideIcon } from "lucide-react";
import { Cli } from "./cli";

export function Card({ title, description, children, id, icon: Icon }: { title: string; description?: React.ReactNode; children: React.ReactNode; id?: string; icon?: LucideIcon }) {
  const headingId = id ?? `card-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={headingId} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900">
      <h2 id={headingId} className="flex items-center gap-2 text-base font-semibold [overflow-wrap:anywhere]">
        {Icon && <Icon aria-hidden className="size-4 shrink-0 text-slate-500 dark:text-slate-400" />}
        {title}
      </h2>
      {description && <div className="mt-1 text-sm text-slate-600 dark:text-slate-400">{description}</div>}
      <div className="mt-4">{children}</div>
    </section>
  );
}

/** A page's title, what it is for in plain words, and the cloudhsm-cli command it stands for as a hint. */
export function PageHeader({ title, description, command, actions }: { title: string; description?: React.ReactNode; command?: string; actions?: React.ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]">{title}</h1>
        {description && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{description}</p>}
        {command && <p className="mt-1"><Cli command={command} /></p>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}
