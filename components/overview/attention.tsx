import type { ClusterOverview } from "@/lib/overview/summary";
import { CountLink } from "./count-link";

export function Attention({ attention }: { attention: ClusterOverview["attention"] }) {
  const weak = attention.weakKeys;
  const items = [
    { tally: attention.locked, what: "locked accounts", hint: "Locked after five failed sign-ins; an admin unlocks one by setting a new password." },
    ...(weak
      ? [{
          tally: weak,
          what: `users with a key under ${weak.bits} bits`,
          hint: `This console asks for keys of ${weak.bits} bits or more (KEY_ATTENTION_BELOW_BITS); CloudHSM itself uses RSA-2048.`,
        }]
      : []),
    { tally: attention.oldKeys, what: "users with a key older than a year", hint: "MFA or quorum key registered more than 365 days ago: time to rotate." },
    { tally: attention.neverSignedIn, what: "users who never signed in", hint: "Accounts nobody has used: check that they are still needed." },
  ];
  return (
    <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
      {items.map((i) => (
        <li key={i.what} className="flex items-baseline gap-3 py-2">
          <span className="min-w-8 shrink-0 text-right text-lg">
            <CountLink tally={i.tally} what={i.what} tone="warn" />
          </span>
          <span>
            <span className="block font-medium first-letter:uppercase">{i.what}</span>
            <span className="block text-slate-600 dark:text-slate-400">{i.hint}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
