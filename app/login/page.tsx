import { ShieldHalf } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Alert } from "@/components/ui/alert";
import { browserCtx } from "@/lib/auth/browser";
import { listClusters } from "@/lib/clusters/read";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  const ctx = await browserCtx();
  if (ctx.actor) redirect("/");
  const clusters = await listClusters();
  return (
    <main className="mx-auto flex min-h-screen max-w-2xl flex-col justify-center px-4 py-12 sm:px-6">
      <p className="inline-flex items-center gap-2 text-sm font-medium text-sky-700 dark:text-sky-400">
        <ShieldHalf aria-hidden className="size-5" />
        HSM console
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">Sign in</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        The same account you use with <code className="font-mono">cloudhsm-cli login</code>.
      </p>
      <div className="mt-8 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900">
        {clusters.length === 0 ? (
          <Alert tone="info" title="No cluster yet">
            Open the one-time setup link the server printed when it started, or run{" "}
            <code className="font-mono">npm run bootstrap -- --cluster-name NAME --hsms 2 --admin admin</code>.
          </Alert>
        ) : (
          <LoginForm clusters={clusters} />
        )}
      </div>
    </main>
  );
}
