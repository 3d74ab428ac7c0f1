import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">There is nothing here, or it belongs to another cluster.</p>
      <Link href="/users" className="mt-6 inline-block text-sky-700 hover:underline dark:text-sky-400">Back to users</Link>
    </main>
  );
}
