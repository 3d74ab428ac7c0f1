"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const links = [
  { href: "/", label: "Overview" },
  { href: "/users", label: "Users" },
  { href: "/cluster", label: "Cluster" },
  { href: "/quorum", label: "Quorum", adminOnly: true },
  { href: "/approvals", label: "Approvals", adminOnly: true },
  { href: "/audit", label: "Audit log", adminOnly: true },
  { href: "/account", label: "My account" },
];

export function NavLinks({ role }: { role: string }) {
  const path = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap gap-1 text-sm">
        {links
          .filter((l) => !l.adminOnly || role === "admin")
          .map((l) => {
            const current = path === l.href || (l.href !== "/" && path.startsWith(`${l.href}/`));
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
