// The only way the client reaches the console: its JSON API over HTTP (no database, no server code).
import { ClientError } from "./errors.mjs";

export const DEFAULT_URL = "http://localhost:3000";

export function consoleUrl(option) {
  const raw = option || process.env.HSM_CONSOLE_URL || DEFAULT_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new ClientError(`"${raw}" is not a URL: give the console's address, such as ${DEFAULT_URL} (--url or HSM_CONSOLE_URL).`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new ClientError(`The console's URL must start with http:// or https:// (got ${raw}).`);
  return url.origin + url.pathname.replace(/\/+$/, "");
}

/** One API call; resolves to the console's envelope `{ error_code, data }` and the HTTP status. */
export async function callApi(baseUrl, method, route, { token, body } = {}) {
  const headers = { accept: "application/json", "user-agent": "hsm-console-cli" };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  let response;
  try {
    response = await fetch(`${baseUrl}/api/v1/${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    const why = e?.cause?.code === "ECONNREFUSED" ? "nothing is listening there" : (e?.cause?.message ?? e.message);
    throw new ClientError(`Cannot reach the console at ${baseUrl} (${why}). Check --url or HSM_CONSOLE_URL.`);
  }
  const text = await response.text();
  let envelope;
  try {
    envelope = JSON.parse(text);
  } catch {
    throw new ClientError(`${baseUrl} answered HTTP ${response.status} with something that is not the console's JSON API. Check --url.`);
  }
  if (!envelope || (envelope.error_code !== 0 && envelope.error_code !== 1)) {
    throw new ClientError(`${baseUrl} answered HTTP ${response.status} without the console's envelope. Check --url.`);
  }
  return { status: response.status, envelope };
}
