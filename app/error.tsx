"use client";

import Link from "next/link";

/** A page that failed on the server: no details, only the id that finds them in the server's log. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        The server could not show this page. Nothing was changed. Try again, or give the error id below to whoever runs the console.
      </p>
      {error.digest && (
        <p className="mt-4 text-sm">
          Error id: <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono dark:bg-slate-800">{error.digest}</code>
        </p>
      )}
      <div className="mt-6 flex justify-center gap-4">
        <button type="button" onClick={reset} className="text-sky-700 hover:underline dark:text-sky-400">Try again</button>
        <Link href="/" className="text-sky-700 hover:underline dark:text-sky-400">Overview</Link>
      </div>
    </main>
  );
}
