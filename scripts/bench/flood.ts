// Target 4: an authenticated read while 50 clients send wrong passwords (from as many addresses as they
// like: the server trusts one proxy's X-Forwarded-For, as behind a load balancer), and 10 clients over the
// console's pages at once: each page's p99 against its p50, and no errors.
import { randomInt } from "node:crypto";
import { concurrently, median, quantile, timedGet } from "./http";
import type { PageCase } from "./pages";
import { userName } from "./seed";

async function readP50(url: string, cookie: string, seconds: number): Promise<number> {
  const ms: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const t = await timedGet(`${url}/users`, cookie);
    if (t.status !== 200) throw new Error(`the authenticated read answered ${t.status}`);
    ms.push(t.ms);
  }
  return median(ms);
}

export async function flood(url: string, cookie: string, users: number, seconds = 10) {
  const unloaded = await readP50(url, cookie, 4);
  const stop = { now: false };
  const answers = new Map<number, number>();
  const attackers = Promise.all(
    Array.from({ length: 50 }, async () => {
      while (!stop.now) {
        const r = await fetch(`${url}/api/v1/login`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": `198.51.${randomInt(256)}.${randomInt(256)}` },
          body: JSON.stringify({ username: userName(randomInt(users)), password: "not the password" }),
        }).catch(() => null);
        await r?.arrayBuffer();
        answers.set(r?.status ?? 0, (answers.get(r?.status ?? 0) ?? 0) + 1);
      }
    }),
  );
  await new Promise((r) => setTimeout(r, 1000));
  const loaded = await readP50(url, cookie, seconds);
  stop.now = true;
  await attackers;
  const attempts = [...answers.values()].reduce((a, b) => a + b, 0);
  return { unloaded, loaded, attemptsPerSecond: attempts / (seconds + 1), answers: Object.fromEntries(answers) };
}

export async function tenClients(url: string, cookie: string, pages: PageCase[], seconds = 12) {
  const samples = new Map(pages.map((p) => [p.name, [] as number[]]));
  let errors = 0;
  await concurrently(10, seconds, async (c) => {
    const p = pages[(c + randomInt(pages.length)) % pages.length];
    const t = await timedGet(url + p.path, p.anonymous ? undefined : cookie).catch(() => null);
    if (!t || t.status !== p.expect) errors++;
    else samples.get(p.name)!.push(t.ms);
  });
  const routes = [...samples].map(([name, ms]) => ({ name, p50: median(ms), p99: quantile(ms, 0.99), n: ms.length }));
  return { routes, errors };
}
