import type { Metadata } from "next";
import { SetupForm } from "@/components/setup/setup-form";
import { Alert } from "@/components/ui/alert";
import { setupTokenIsValid } from "@/lib/setup";

export const metadata: Metadata = { title: "Set up the console" };

export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const valid = /^[A-Za-z0-9_-]{20,100}$/.test(token) && (await setupTokenIsValid(token));
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-12">
      <p className="text-sm font-medium text-sky-700 dark:text-sky-400">HSM console</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">Set up the first cluster</h1>
      <div className="mt-8 rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        {valid ? (
          <SetupForm token={token} />
        ) : (
          <Alert tone="error" title="This setup link does not work">
            It was used already, has expired, or a newer one was printed. Restart the server with an empty database for a new link, or run{" "}
            <code className="font-mono">npm run bootstrap</code>.
          </Alert>
        )}
      </div>
    </main>
  );
}
