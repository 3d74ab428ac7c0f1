import { Answered, data, ok, selfAware, signedTokenFile, withSession } from "../context.mjs";
import { ClientError } from "../errors.mjs";
import { readJsonFile, readPem, writeJsonFile } from "../files.mjs";
import { loadPrivateKey, publicPemOf, signTokenFile } from "../signing.mjs";

const PAGE = 100;
const approvalOf = (opts) => (opts.approval ? { approval: readJsonFile(opts.approval, "approval file") } : {});
const answer = ({ envelope }) => {
  if (envelope.error_code) throw new Answered(envelope);
  return envelope;
};

/** `user list`: every user of the cluster, as cloudhsm-cli prints them (the API pages; this reads every page). */
export const list = (ctx) =>
  withSession(ctx, async (s) => {
    const users = [];
    for (let page = 1; ; page++) {
      const d = await data(ctx, s, "GET", `user/list?per_page=${PAGE}&page=${page}`);
      users.push(...d.users);
      if (users.length >= d.total || d.users.length === 0) return ok({ users });
    }
  });

export const create = (ctx, opts) =>
  withSession(ctx, async (s) => {
    const password = opts.password ?? (await ctx.prompt.newPassword());
    return ok(await data(ctx, s, "POST", "user/create", { username: opts.username, role: opts.role, password, ...approvalOf(opts) }));
  });

export const remove = (ctx, opts) =>
  withSession(ctx, async (s) => ok(await data(ctx, s, "POST", "user/delete", { username: opts.username, role: opts.role, ...approvalOf(opts) })));

export const changePassword = (ctx, opts) =>
  withSession(ctx, async (s) => {
    const password = opts.password ?? (await ctx.prompt.newPassword());
    const body = {
      username: opts.username,
      role: opts.role,
      password,
      ...(opts.deregisterMfa ? { deregister_mfa: true } : {}),
      ...(opts.deregisterQuorum ? { deregister_quorum: true } : {}),
      ...approvalOf(opts),
    };
    return answer(await selfAware(ctx, s, "user/change-password", body, opts.username, opts.currentPassword));
  });

/**
 * `user change-mfa token-sign --token FILE | --deregister`. Registering writes the token file, then takes
 * it signed (--sign-with, or the path at the prompt) and the public key (--public-key, the key of
 * --sign-with, or the path at the prompt).
 */
export const changeMfa = (ctx, opts) =>
  withSession(ctx, async (s) => {
    if (Boolean(opts.token) === Boolean(opts.deregister)) throw new ClientError("Give either --token <TOKEN> (register a key) or --deregister (remove it).");
    const who = { username: opts.username, role: opts.role };
    const change_password = opts.changePassword ?? (await ctx.prompt.newPassword());
    const common = { ...who, change_password, ...(opts.changeQuorum ? { change_quorum: true } : {}), ...approvalOf(opts) };
    if (opts.deregister) return answer(await selfAware(ctx, s, "user/change-mfa/token-sign", { ...common, deregister: true }, opts.username, opts.currentPassword));
    const current = String(opts.username).toLowerCase() === s.username ? (opts.currentPassword ?? (await ctx.prompt.secret("Enter current password:"))) : undefined;
    const { token_file } = await data(ctx, s, "POST", "user/change-mfa/token-sign", { ...who, token: true });
    writeJsonFile(opts.token, token_file);
    const signed_token_file = await signedTokenFile(ctx, opts.token, opts.signWith);
    const public_key_pem = await publicKey(ctx, opts);
    const body = { ...common, signed_token_file, public_key_pem };
    return answer(await selfAware(ctx, s, "user/change-mfa/token-sign", body, opts.username, current));
  });

async function publicKey(ctx, opts) {
  if (opts.publicKey) return readPem(opts.publicKey);
  if (opts.signWith) return publicPemOf(await loadPrivateKey(opts.signWith, (q) => ctx.prompt.secret(q)));
  return readPem((await ctx.prompt.text("Enter public key PEM file path:")).trim());
}

/**
 * `user change-quorum token-sign register --public-key PEM --signed-token FILE`: the file from
 * `quorum token-sign generate --service registration`, signed. With --sign-with the client signs it here
 * (and --public-key may be left out: the key's public half is sent).
 */
export const registerQuorum = (ctx, opts) =>
  withSession(ctx, async (s) => {
    let file = readJsonFile(opts.signedToken, "signed token file");
    let pem = opts.publicKey ? readPem(opts.publicKey) : null;
    if (opts.signWith) {
      const key = await loadPrivateKey(opts.signWith, (q) => ctx.prompt.secret(q));
      file = signTokenFile(file, key);
      writeJsonFile(opts.signedToken, file);
      pem ??= publicPemOf(key);
    }
    if (!pem) throw new ClientError("Give --public-key <PUBLIC_KEY> (the PEM of the key that signed the token).");
    const body = { public_key_pem: pem, signed_token_file: file };
    const { envelope } = await selfAware(ctx, s, "user/change-quorum/token-sign/register", body, s.username, opts.currentPassword);
    if (envelope.error_code) throw new Answered(envelope);
    return ok({ username: envelope.data.username, role: envelope.data.role });
  });
