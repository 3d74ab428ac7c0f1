import { LogOut, ShieldHalf } from "lucide-react";
import Link from "next/link";
import { signOutAction } from "./actions";
import { NavLinks } from "@/components/layout/nav-links";
import { requirePageActor } from "@/lib/auth/browser";
import { db } from "@/lib/db/client";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const { actor } = await requirePageActor();
  const cluster = await db.cluster.findUniqueOrThrow({ where: { id: actor.clusterId }, select: { id: true, name: true } });
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-slate-900">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-1 px-4 pt-3 sm:px-6">
          <Link href="/" className="inline-flex items-center gap-2 font-semibold tracking-tight">
            <ShieldHalf aria-hidden className="size-5 text-sky-700 dark:text-sky-400" />
            HSM console
          </Link>
          <p className="order-last w-full text-xs text-slate-600 sm:order-none sm:w-auto sm:text-sm dark:text-slate-400" title="The cluster every operation runs against">
            Cluster <span className="font-medium text-slate-900 dark:text-slate-100">{cluster.name}</span>{" "}
            <span className="font-mono text-xs">{cluster.id}</span>
          </p>
          <div className="ml-auto flex items-center gap-1 text-sm">
            <Link href={`/users/${actor.username}`} className="rounded-md px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800">
              <span className="font-medium">{actor.username}</span> <span className="text-slate-600 max-sm:sr-only dark:text-slate-400">({actor.role})</span>
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
                <LogOut aria-hidden className="size-4" />
                <span className="max-sm:sr-only">Sign out</span>
              </button>
            </form>
          </div>
        </div>
        <div className="mx-auto max-w-6xl px-2 py-2 sm:px-4">
          <NavLinks role={actor.role} />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
