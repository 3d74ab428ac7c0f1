import "server-only";
import { createHmac } from "node:crypto";

export const SIGNATURE_HEADER = "X-Console-Signature";
export const EVENT_ID_HEADER = "X-Console-Event-Id";

/** `sha256=` + hex HMAC-SHA256 of the exact body bytes, keyed with WEBHOOK_SECRET. */
export const signBody = (secret: string, body: string) => `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;

/** One POST; any answer but 2xx, or none within the timeout, is a failure to retry. */
export async function postWebhook(url: string, secret: string, eventId: string, body: string, timeoutMs: number): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", [SIGNATURE_HEADER]: signBody(secret, body), [EVENT_ID_HEADER]: eventId, "User-Agent": "hsm-console-webhook" },
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.body?.cancel();
  if (response.status < 200 || response.status > 299) throw new Error(`the receiver answered HTTP ${response.status}`);
}
