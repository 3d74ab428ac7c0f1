import Link from "next/link";

export function Pagination({ total, page, perPage, query }: { total: number; page: number; perPage: number; query: Record<string, string> }) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const first = total === 0 ? 0 : (page - 1) * perPage + 1;
  const last = Math.min(total, page * perPage);
  const href = (p: number) => `/users?${new URLSearchParams({ ...query, page: String(p) })}`;
  const link = "rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";
  return (
    <nav aria-label="Pages of users" className="mt-4 flex items-center justify-between text-sm">
      <p className="text-slate-600 dark:text-slate-400">
        {total === 0 ? "No users" : `Users ${first.toLocaleString("en")}–${last.toLocaleString("en")} of ${total.toLocaleString("en")}`}
      </p>
      <div className="flex items-center gap-2">
        {page > 1 && <Link className={link} href={href(page - 1)} rel="prev">Previous</Link>}
        <span aria-current="page">Page {page} of {pages.toLocaleString("en")}</span>
        {page < pages && <Link className={link} href={href(page + 1)} rel="next">Next</Link>}
      </div>
    </nav>
  );
}
