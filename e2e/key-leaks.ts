import { expect, type BrowserContext, type Page } from "@playwright/test";
import { createPublicKey } from "node:crypto";

// What "any part of the private key" means for the interception tests: the PEM body's lines, 16-character
// base64 windows of the DER (at every byte alignment, base64 and base64url), hex windows, and raw 16-byte
// windows of the DER. The public half (the modulus and exponent) is legitimately sent when a public key is
// registered, so windows that also occur in the public key's encodings are left out.

const b64Variants = (der: Buffer) => [0, 1, 2].flatMap((skip) => {
  const b64 = der.subarray(skip).toString("base64");
  return [b64, b64.replace(/\+/g, "-").replace(/\//g, "_")];
});

function windows(text: string, size: number, step: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + size <= text.length; i += step) out.push(text.slice(i, i + size));
  return out;
}

export function keyParts(privatePem: string) {
  const body = privatePem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");
  const der = Buffer.from(body, "base64");
  const spki = createPublicKey(privatePem).export({ type: "spki", format: "der" });
  const pkcs1 = createPublicKey(privatePem).export({ type: "pkcs1", format: "der" });
  const publicText = [spki, pkcs1].flatMap((d) => [...b64Variants(d), d.toString("hex")]).join("\n");
  const isPublic = (part: string) => publicText.includes(part);
  const text = [
    ...privatePem.split("\n").filter((l) => l.length >= 16 && !l.startsWith("-----")),
    ...b64Variants(der).flatMap((b) => windows(b, 16, 4)),
    ...windows(der.toString("hex"), 32, 8),
  ].filter((p) => !isPublic(p));
  const binary = windows(der.toString("latin1"), 16, 8).map((w) => Buffer.from(w, "latin1")).filter((w) => !spki.includes(w) && !pkcs1.includes(w));
  return { text: [...new Set(text)], binary, der };
}

export type Seen = { what: string; body: Buffer };

/** Records every request (URL, headers, body) and console message of the pages in a context. */
export function watch(context: BrowserContext) {
  const seen: Seen[] = [];
  const follow = (page: Page) => {
    page.on("request", async (request) => {
      const headers = await request.allHeaders().catch(() => ({}));
      seen.push({ what: `${request.method()} ${request.url()}`, body: Buffer.concat([Buffer.from(`${request.url()}\n${JSON.stringify(headers)}\n`), request.postDataBuffer() ?? Buffer.alloc(0)]) });
    });
    page.on("console", (message) => seen.push({ what: `console ${message.type()}`, body: Buffer.from(message.text()) }));
  };
  context.pages().forEach(follow);
  context.on("page", follow);
  return seen;
}

/** The browser's storage and cookies, as text, for the same check. */
export async function storageOf(page: Page): Promise<Seen> {
  const text = await page.evaluate(async () => {
    const dbs = "databases" in indexedDB ? await indexedDB.databases() : [];
    return JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie, indexedDB: dbs });
  });
  const cookies = JSON.stringify(await page.context().cookies());
  return { what: `storage of ${page.url()}`, body: Buffer.from(text + cookies) };
}

/** No request, console line or storage holds any part of the private key; `control` proves the bodies were seen. */
export function expectNoKeyParts(seen: Seen[], privatePem: string, control: string) {
  const parts = keyParts(privatePem);
  expect(parts.text.length).toBeGreaterThan(300);
  expect(seen.some((s) => s.body.includes(control)), "the interception saw the signed data the page sent").toBe(true);
  const leaks: string[] = [];
  for (const s of seen) {
    const latin = s.body.toString("latin1");
    let decoded = latin;
    try {
      decoded = decodeURIComponent(latin.replace(/%(?![0-9A-Fa-f]{2})/g, "%25"));
    } catch {
      // binary bodies are not URL-encoded text; the raw check covers them
    }
    for (const part of parts.text) if (latin.includes(part) || decoded.includes(part)) leaks.push(`${s.what}: ${part}`);
    for (const w of parts.binary) if (s.body.includes(w)) leaks.push(`${s.what}: DER bytes`);
  }
  expect(leaks.slice(0, 5)).toEqual([]);
}
