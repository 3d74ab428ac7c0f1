"use client";
import { CircleUser, LayoutDashboard, ScrollText, Server, ShieldCheck, Stamp, Users } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";

const links = [
  { href: "/", label: "Overview", icon: LayoutDashboard },
  { href: "/users", label: "Users", icon: Users },
  { href: "/cluster", label: "Cluster", icon: Server },
  { href: "/quorum", label: "Quorum", icon: ShieldCheck, adminOnly: true },
  { href: "/approvals", label: "Approvals", icon: Stamp, adminOnly: true },
  { href: "/audit", label: "Audit log", icon: ScrollText, adminOnly: true },
  { href: "/account", label: "My account", icon: CircleUser },
];

export function NavLinks({ role }: { role: string }) {
  const path = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap gap-1 text-sm">
        {links
          .filter((l) => !l.adminOnly || role === "admin")
          .map(({ href, label, icon: Icon }) => {
            const current = path === href || (href !== "/" && path.startsWith(`${href}/`));
            return (
              <li key={href}>
                <Link
                  href={href}
                  aria-current={current ? "page" : undefined}
                  className={`inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 ${current ? "bg-sky-50 font-medium text-sky-800 dark:bg-sky-950 dark:text-sky-200" : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"}`}
                >
                  <Icon aria-hidden className="size-4" />
                  {label}
                </Link>
              </li>
            );
          })}
      </ul>
    </nav>
  );
}
