// A real browser session: Chromium signs in on the login page, and its cookie is what the page timings send.
import { chromium } from "@playwright/test";
import { findChromiumOrPlaywrights } from "../chromium.mjs";
import { BENCH_ADMIN, BENCH_PASSWORD } from "./seed";

export async function browserSessionCookie(url: string): Promise<string> {
  const executablePath = await findChromiumOrPlaywrights();
  if (!executablePath) throw new Error("No Chromium for the bench's browser session: apt-get install -y chromium (or set CHROMIUM_PATH).");
  const browser = await chromium.launch({ executablePath });
  try {
    const page = await browser.newPage();
    await page.goto(`${url}/login`);
    await page.getByLabel("Username").fill(BENCH_ADMIN);
    await page.getByLabel("Password").fill(BENCH_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Overview", level: 1 }).waitFor();
    const cookies = await page.context().cookies(url);
    return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await browser.close();
  }
}
