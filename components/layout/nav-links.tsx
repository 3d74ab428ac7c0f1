"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const links = [
  { href: "/users", label: "Users" },
  { href: "/cluster", label: "Cluster" },
  { href: "/quorum", label: "Quorum", admin: true },
  { href: "/approvals", label: "Approvals", admin: true },
];

export function NavLinks({ admin = true }: { admin?: boolean }) {
  const path = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="flex gap-1 text-sm">
        {links.filter((l) => admin || !("admin" in l)).map((l) => {
          const current = path === l.href || path.startsWith(`${l.href}/`);
          return (
            <li key={l.href}>
              <Link
                href={l.href}
                aria-current={current ? "page" : undefined}
                className={`rounded-md px-3 py-1.5 ${current ? "bg-slate-100 font-medium dark:bg-slate-800" : "hover:bg-slate-100 dark:hover:bg-slate-800"}`}
              >
                {l.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
