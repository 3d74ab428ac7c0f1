import { callApi } from "../http.mjs";
import { writeJsonFile } from "../files.mjs";
import { Answered, api, fail, ok, signedTokenFile } from "../context.mjs";

/**
 * `login --username U --role R [--password P] [--cluster-id C] [mfa-token-sign --token FILE]`.
 * With MFA the login token file is written to FILE, then signed here (--sign-with) or by the user, who
 * gives the signed file's path at the prompt, as in cloudhsm-cli.
 */
export async function login(ctx, opts, mfa) {
  const password = opts.password ?? (await ctx.prompt.secret("Enter password:"));
  const who = { username: opts.username, role: opts.role, ...(opts.clusterId ? { cluster_id: opts.clusterId } : {}) };
  const first = await callApi(ctx.url, "POST", "login", { body: { ...who, password } });
  if (first.envelope.error_code) return first.envelope;
  let signedIn = first.envelope.data;
  if (signedIn.mfa_required) {
    if (!mfa) return fail("This account signs in with token-sign MFA: add mfa-token-sign --token <TOKEN> (and --sign-with <KEY.pem> to sign here).");
    writeJsonFile(mfa.token, signedIn.token_file);
    const signed = await signedTokenFile(ctx, mfa.token, mfa.signWith);
    const second = await callApi(ctx.url, "POST", "login/mfa-token-sign", { body: { ...who, signed_token_file: signed } });
    if (second.envelope.error_code) return second.envelope;
    signedIn = second.envelope.data;
  }
  const { session_token, username, role, cluster_id, expires_at } = signedIn;
  ctx.store.save({ url: ctx.url, cluster_id, username, role, session_token, expires_at });
  return ok({ username, role });
}

/** `logout`: ends the session on the console and forgets it here. */
export async function logout(ctx) {
  const session = ctx.store.load();
  if (!session || session.url !== ctx.url) return fail(`Not logged in to ${ctx.url}.`);
  const { envelope } = await api(ctx, session, "POST", "logout");
  ctx.store.clear();
  if (envelope.error_code) throw new Answered(envelope);
  return envelope;
}
