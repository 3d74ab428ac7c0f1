import Link from "next/link";
import type { Tally } from "@/lib/overview/summary";

export const usersHref = (filter: Record<string, string>) => {
  const query = new URLSearchParams(filter).toString();
  return query ? `/users?${query}` : "/users";
};

/** A number that opens the users list filtered to exactly the users it counts; `what` completes its name. */
export function CountLink({ tally, what, tone = "plain", inline = false }: { tally: Tally; what: string; tone?: "plain" | "warn"; inline?: boolean }) {
  const color = tone === "warn" && tally.count > 0 ? "text-amber-800 dark:text-amber-300" : "text-sky-700 dark:text-sky-400";
  return (
    <Link href={usersHref(tally.filter)} className={`font-semibold tabular-nums ${inline ? "underline" : "hover:underline"} ${color}`}>
      {tally.count.toLocaleString("en")}
      <span className="sr-only"> {what}</span>
    </Link>
  );
}
