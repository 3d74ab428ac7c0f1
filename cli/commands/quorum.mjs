import { Answered, api, data, ok, withSession } from "../context.mjs";
import { ClientError } from "../errors.mjs";
import { readJsonFile, writeJsonFile } from "../files.mjs";
import { loadPrivateKey, signApprovalFile, signTokenFile } from "../signing.mjs";

const signer = (ctx, path) => loadPrivateKey(path, (q) => ctx.prompt.secret(q));

/**
 * `quorum token-sign generate --service S --token FILE`. user and quorum: the approval file that
 * approvers sign; registration: the token file of `user change-quorum token-sign register` (signed here
 * with --sign-with). Answers with the path, under both names the AWS guide prints ("filepath", "path").
 */
export const generate = (ctx, opts) =>
  withSession(ctx, async (s) => {
    const d = await data(ctx, s, "POST", "quorum/token-sign/generate", { service: opts.service });
    let file = opts.service === "registration" ? d.token_file : d.approval_file;
    if (opts.signWith) {
      const key = await signer(ctx, opts.signWith);
      file = opts.service === "registration" ? signTokenFile(file, key) : signApprovalFile(file, key, s.username);
    }
    writeJsonFile(opts.token, file);
    return ok({ filepath: opts.token, path: opts.token });
  });

/**
 * Beyond cloudhsm-cli: `quorum token-sign approve --token FILE [--sign-with KEY]` records the caller's
 * approval in the console (the Approvals page's door), so the requester's file as generated is enough.
 * With --sign-with the caller's signature is added to the file first (and written back).
 */
export const approve = (ctx, opts) =>
  withSession(ctx, async (s) => {
    let file = readJsonFile(opts.token, "approval file");
    if (opts.signWith) {
      file = signApprovalFile(file, await signer(ctx, opts.signWith), s.username);
      writeJsonFile(opts.token, file);
    }
    const d = await data(ctx, s, "POST", "quorum/token-sign/approve", { approval_file: file });
    return ok({ "approvals-required": d.approvals_required, "number-of-approvals": d.number_of_approvals });
  });

export const list = (ctx) => withSession(ctx, async (s) => ok(await data(ctx, s, "GET", "quorum/token-sign/list")));
export const listQuorumValues = (ctx) => withSession(ctx, async (s) => ok(await data(ctx, s, "GET", "quorum/token-sign/list-quorum-values")));
export const listTimeouts = (ctx) => withSession(ctx, async (s) => ok(await data(ctx, s, "GET", "quorum/token-sign/list-timeouts")));

export const setQuorumValue = (ctx, opts) =>
  withSession(ctx, async (s) => {
    const approval = opts.approval ? { approval: readJsonFile(opts.approval, "approval file") } : {};
    // The envelope as the console sent it: the CLI's sentence, and any advice beside it as "warning".
    const { envelope } = await api(ctx, s, "POST", "quorum/token-sign/set-quorum-value", { service: opts.service, value: opts.value, ...approval });
    if (envelope.error_code) throw new Answered(envelope);
    return envelope;
  });

export const setTimeout = (ctx, opts) =>
  withSession(ctx, async (s) => {
    if (opts.generated === undefined && opts.approved === undefined) throw new ClientError("Give --generated <GENERATED>, --approved <APPROVED>, or both (seconds).");
    const body = { ...(opts.generated !== undefined ? { generated: opts.generated } : {}), ...(opts.approved !== undefined ? { approved: opts.approved } : {}) };
    return ok(await data(ctx, s, "POST", "quorum/token-sign/set-timeout", body));
  });

export const remove = (ctx, opts) => withSession(ctx, async (s) => ok(await data(ctx, s, "POST", "quorum/token-sign/delete", { scope: opts.scope })));
