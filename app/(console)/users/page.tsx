import { FileJson, FileSpreadsheet, UserPlus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { UserFilters } from "@/components/users/user-filters";
import { UserTable } from "@/components/users/user-table";
import { Pagination } from "@/components/users/pagination";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/browser";
import { OpError } from "@/lib/errors";
import { listUsers } from "@/lib/users/list";

export const metadata: Metadata = { title: "Users" };

type Search = Record<string, string | string[] | undefined>;

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requirePageActor();
  const raw = await searchParams;
  const query = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === "string" && v !== "")) as Record<string, string>;
  let result: Awaited<ReturnType<typeof listUsers>> | null = null;
  let problem: string | null = null;
  try {
    result = await listUsers(ctx, query);
  } catch (e) {
    if (!(e instanceof OpError)) throw e;
    problem = e.message;
  }
  const isAdmin = ctx.actor.role === "admin";
  const { page: _page, per_page: _perPage, ...filters } = query;
  const exportHref = (format: string) => `/exports/users?${new URLSearchParams({ ...filters, format })}`;
  return (
    <>
      <PageHeader
        title="Users"
        description="Every account in this cluster: its role, its MFA and quorum keys, and when it last signed in."
        command="user list"
        actions={
          isAdmin ? (
            <>
              <a href={exportHref("csv")} className={buttonClass("secondary")} download><FileSpreadsheet aria-hidden className="size-4" />Export CSV</a>
              <a href={exportHref("json")} className={buttonClass("secondary")} download><FileJson aria-hidden className="size-4" />Export JSON</a>
              <Link href="/users/new" className={buttonClass()}><UserPlus aria-hidden className="size-4" />Create user</Link>
            </>
          ) : undefined
        }
      />
      <UserFilters values={query} />
      {problem && <Alert tone="error" title="These filters could not be applied">{problem}</Alert>}
      {result && (
        <>
          <UserTable users={result.users} filtered={Object.keys(query).some((k) => k !== "page")} canCreate={isAdmin} />
          <Pagination total={result.total} page={result.filters.page} perPage={result.filters.per_page} query={query} />
        </>
      )}
    </>
  );
}
