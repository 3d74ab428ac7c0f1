// What every command gets: the console's URL, the session store, the prompter, and the API with the session.
import { callApi } from "./http.mjs";
import { ClientError } from "./errors.mjs";
import { readJsonFile, writeJsonFile } from "./files.mjs";
import { loadPrivateKey, signTokenFile } from "./signing.mjs";

export const ok = (data) => ({ error_code: 0, data });
export const fail = (message) => ({ error_code: 1, data: message });

/** Thrown inside a command to stop it with the console's own answer. */
export class Answered extends Error {
  constructor(envelope) {
    super(String(envelope.data));
    this.envelope = envelope;
  }
}

/** Runs `fn(session)` with a session for ctx.url: the stored one, or (single-command mode) CLOUDHSM_PIN's. */
export async function withSession(ctx, fn) {
  const stored = ctx.store.load();
  if (stored && stored.url === ctx.url) return fn(stored);
  const pin = !ctx.interactive && process.env.CLOUDHSM_PIN;
  if (!pin) {
    const elsewhere = stored ? ` (the session in ${ctx.store.where} is for ${stored.url})` : "";
    throw new ClientError(`Not logged in to ${ctx.url}${elsewhere}: run login --username <USERNAME> --role <ROLE> first.`);
  }
  const session = await pinSession(ctx, pin);
  try {
    return await fn(session);
  } finally {
    await callApi(ctx.url, "POST", "logout", { token: session.session_token }).catch(() => undefined);
  }
}

// cloudhsm-cli's single-command mode: CLOUDHSM_PIN=username:password and CLOUDHSM_ROLE, for one command.
async function pinSession(ctx, pin) {
  const at = pin.indexOf(":");
  const role = process.env.CLOUDHSM_ROLE;
  if (at < 1 || !role) throw new ClientError("CLOUDHSM_PIN is username:password, and CLOUDHSM_ROLE names the role (admin or crypto-user).");
  const body = { username: pin.slice(0, at), password: pin.slice(at + 1), role: role.trim() };
  const { envelope } = await callApi(ctx.url, "POST", "login", { body });
  if (envelope.error_code) throw new Answered(envelope);
  if (envelope.data.mfa_required) throw new ClientError("This account signs in with token-sign MFA, which CLOUDHSM_PIN cannot do: run login ... mfa-token-sign first.");
  return { url: ctx.url, ...envelope.data };
}

/** An API call with the session; a 401 means the stored session ended, so it is forgotten. */
export async function api(ctx, session, method, route, body) {
  const { status, envelope } = await callApi(ctx.url, method, route, { token: session.session_token, body });
  if (status === 401 && ctx.store.load()?.session_token === session.session_token) ctx.store.clear();
  return { status, envelope };
}

/** The answer of a call, or a stop with the console's error. */
export async function data(ctx, session, method, route, body) {
  const { envelope } = await api(ctx, session, method, route, body);
  if (envelope.error_code) throw new Answered(envelope);
  return envelope.data;
}

/**
 * A change to the caller's own credentials sends their current password, which the console asks for
 * (cloudhsm-cli does not): from --current-password, or a prompt. Changes to others' accounts do not.
 */
export async function selfAware(ctx, session, route, body, username, currentPassword) {
  if (String(username).toLowerCase() !== session.username) return api(ctx, session, "POST", route, body);
  const current_password = currentPassword ?? (await ctx.prompt.secret("Enter current password:"));
  return api(ctx, session, "POST", route, { ...body, current_password });
}

/**
 * The signed version of a token file the console just issued (and the client wrote to `path`): signed
 * here with --sign-with (written back to `path`), or, as cloudhsm-cli does, read from the path the user
 * gives once they have signed it.
 */
export async function signedTokenFile(ctx, path, signWith) {
  if (signWith) {
    const key = await loadPrivateKey(signWith, (q) => ctx.prompt.secret(q));
    const signed = signTokenFile(readJsonFile(path, "token file"), key);
    writeJsonFile(path, signed);
    return signed;
  }
  const answer = await ctx.prompt.text("Enter signed token file path (press enter if same as the unsigned token file):");
  return readJsonFile(answer.trim() || path, "signed token file");
}
