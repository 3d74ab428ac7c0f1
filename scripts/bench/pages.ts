// Target 2: every console page's time through HTTP with a real session cookie, against the cheapest
// authenticated page and the 404 page, at 10k and 100k users (1M events) in the same run.
import { median, timedGet } from "./http";
import { userName, type Seeded } from "./seed";

export type PageCase = { name: string; path: string; expect: number; /** Sent without the session cookie. */ anonymous?: boolean };

export function consolePages(s: Seeded): PageCase[] {
  const someone = userName(421);
  const deepPage = Math.min(500, Math.floor(s.users / 25));
  return [
    { name: "404 page", path: "/no-such-page", expect: 404 },
    // Not a target: the framework's floor for a page rendered per request, with no session and no query.
    { name: "sign-in page, signed out", path: "/login", expect: 200, anonymous: true },
    { name: "account", path: "/account", expect: 200 },
    { name: "overview", path: "/", expect: 200 },
    { name: "users, first page", path: "/users", expect: 200 },
    { name: "users, search", path: "/users?search=user_00042", expect: 200 },
    { name: "users, admins without MFA", path: "/users?role=admin&mfa=disabled", expect: 200 },
    { name: "users, never signed in", path: "/users?never_signed_in=true", expect: 200 },
    { name: `users, page ${deepPage}`, path: `/users?page=${deepPage}`, expect: 200 },
    { name: "user page", path: `/users/${someone}`, expect: 200 },
    { name: "MFA page", path: `/users/${someone}/mfa`, expect: 200 },
    { name: "audit, first page", path: "/audit", expect: 200 },
    { name: "audit, one actor", path: `/audit?actor=${someone}`, expect: 200 },
    { name: "audit, an early day", path: `/audit?from=${s.firstEventDay}&to=${s.firstEventDay}`, expect: 200 },
  ];
}

/** Interleaved rounds (each page once per round), so load from elsewhere slows every page alike. */
export async function timePages(url: string, cookie: string, pages: PageCase[], rounds: number): Promise<Map<string, number>> {
  const samples = new Map(pages.map((p) => [p.name, [] as number[]]));
  for (let r = -2; r < rounds; r++) {
    for (const p of pages) {
      const t = await timedGet(url + p.path, p.anonymous ? undefined : cookie);
      if (t.status !== p.expect) throw new Error(`${p.path} answered ${t.status}, not ${p.expect}`);
      if (r >= 0) samples.get(p.name)!.push(t.ms);
    }
  }
  return new Map([...samples].map(([name, ms]) => [name, median(ms)]));
}
