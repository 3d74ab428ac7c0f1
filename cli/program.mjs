// cloudhsm-cli's command tree, flags and help, built with commander. Each action prints cloudhsm-cli's
// envelope { "error_code", "data" } on standard output and records the exit status.
import { Command, Option } from "commander";
import { Answered, fail } from "./context.mjs";
import { ClientError } from "./errors.mjs";
import { consoleUrl } from "./http.mjs";
import * as auth from "./commands/login.mjs";
import * as quorum from "./commands/quorum.mjs";
import * as user from "./commands/user.mjs";

const ROLE = "Role the user has in the cluster";
const role = () => new Option("--role <ROLE>", ROLE).choices(["crypto-user", "admin"]).makeOptionMandatory();
const username = (what = "Username of the user") => new Option("--username <USERNAME>", what).makeOptionMandatory();
const approval = () => new Option("--approval <APPROVAL>", "Filepath of signed quorum token file to approve operation");
const signWith = () => new Option("--sign-with <KEY>", "Beyond cloudhsm-cli: sign the token file here with this RSA private key (PEM); the key never leaves this machine");
const currentPassword = () => new Option("--current-password <PASSWORD>", "Beyond cloudhsm-cli: your current password, which the console asks for when you change your own credentials (prompted when left out)");
const flagValue = (v) => (v === undefined ? true : !/^(false|no|0)$/i.test(v));

export function printEnvelope(envelope) {
  process.stdout.write(JSON.stringify(envelope, null, 2) + "\n");
}

async function guarded(fn) {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Answered) return e.envelope;
    if (e instanceof ClientError) return fail(e.message);
    if (e?.name === "ExitPromptError") return fail("Cancelled.");
    return fail(`The client failed unexpectedly: ${e?.message ?? e}`);
  }
}

/** A fresh command tree for one command line (commander keeps parsed values on the tree). */
export function buildProgram(ctx) {
  const act = (handler) => async (...args) => {
    const cmd = args[args.length - 1];
    const envelope = await guarded(async () => {
      ctx.url = consoleUrl(cmd.optsWithGlobals().url ?? ctx.defaultUrl);
      return handler(cmd.opts(), cmd);
    });
    printEnvelope(envelope);
    ctx.exitCode = envelope.error_code ? 1 : 0;
  };

  const program = new Command("hsm-console")
    .description("cloudhsm-cli's user, MFA and quorum commands, run against the HSM console's JSON API")
    .option("--url <URL>", "The console's address (default: HSM_CONSOLE_URL, or http://localhost:3000)")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showSuggestionAfterError(true);

  if (!ctx.interactive) {
    program
      .command("interactive")
      .description("Start the interactive prompt (aws-cloudhsm > ); the session lasts as long as the prompt")
      .action((_o, cmd) => (ctx.startInteractive = { url: cmd.optsWithGlobals().url }));
  }

  const login = program
    .command("login")
    .description("Login to your cluster")
    .addOption(username("Username to access the Cluster"))
    .addOption(role())
    .option("--password <PASSWORD>", "Optional: Plaintext user's password. If you do not include this argument you will be prompted for it")
    .option("--cluster-id <CLUSTER_ID>", "Unique Id of the cluster to log in to (when the console serves several)")
    .action(act((o) => auth.login(ctx, o, null)));
  login
    .command("mfa-token-sign")
    .description("Login with token-sign mfa")
    .requiredOption("--token <TOKEN>", "Filepath where the unsigned token file will be written")
    .addOption(signWith())
    .action(act((o, cmd) => auth.login(ctx, cmd.parent.opts(), { token: o.token, signWith: o.signWith })));

  program.command("logout").description("Logout of your cluster").action(act(() => auth.logout(ctx)));

  const users = program.command("user").description("Manage users");
  users.command("list").description("List the users in your cluster").action(act(() => user.list(ctx)));
  users
    .command("create")
    .description("Create a new user")
    .addOption(username("Username to access the HSM cluster"))
    .addOption(role())
    .option("--password <PASSWORD>", "Optional: Plaintext user's password. If you do not include this argument you will be prompted for it")
    .addOption(approval())
    .action(act((o) => user.create(ctx, o)));
  users
    .command("delete")
    .description("Delete a user")
    .addOption(username("Username to access the HSM cluster"))
    .addOption(role())
    .addOption(approval())
    .action(act((o) => user.remove(ctx, o)));
  users
    .command("change-password")
    .description("Change a user's password")
    .addOption(username("Username of the user that will be modified"))
    .addOption(role())
    .option("--password <PASSWORD>", "Optional: Plaintext user's password. If you do not include this argument you will be prompted for it")
    .addOption(approval())
    .option("--deregister-mfa [DEREGISTER-MFA]", "Deregister the user's mfa public key, if present", flagValue)
    .option("--deregister-quorum [DEREGISTER-QUORUM]", "Deregister the user's quorum public key, if present", flagValue)
    .addOption(currentPassword())
    .action(act((o) => user.changePassword(ctx, o)));
  users
    .command("change-mfa")
    .description("Change a user's Mfa Strategy")
    .command("token-sign")
    .description("Register or Deregister a public key using token-sign mfa strategy")
    .addOption(username("Username of the user that will be modified"))
    .addOption(role())
    .option("--change-password <CHANGE_PASSWORD>", "Optional: Plaintext user's password. If you do not include this argument you will be prompted for it")
    .option("--token <TOKEN>", "Filepath where the unsigned token file will be written. Required for enabling MFA for a user")
    .addOption(approval())
    .option("--deregister", "Deregister the MFA public key, if present")
    .option("--change-quorum", "Change the Quorum public key along with the MFA key")
    .option("--public-key <PUBLIC_KEY>", "Beyond cloudhsm-cli: filepath to the public key PEM file (asked for when left out)")
    .addOption(signWith())
    .addOption(currentPassword())
    .action(act((o) => user.changeMfa(ctx, o)));
  users
    .command("change-quorum")
    .description("Change a user's quorum strategy")
    .command("token-sign")
    .description("Token-sign quorum strategy")
    .command("register")
    .description("Register a user for quorum authentication with a public key")
    .option("--public-key <PUBLIC_KEY>", "Filepath to public key PEM file")
    .requiredOption("--signed-token <SIGNED_TOKEN>", "Filepath with token signed by user private key")
    .addOption(signWith())
    .addOption(currentPassword())
    .action(act((o) => user.registerQuorum(ctx, o)));

  const tokenSign = program.command("quorum").description("Manage quorum tokens and values").command("token-sign").description("Token-sign quorum strategy");
  tokenSign
    .command("generate")
    .description("Generate a token")
    .addOption(new Option("--service <SERVICE>", "Service the token will be used for").choices(["user", "quorum", "registration"]).makeOptionMandatory())
    .requiredOption("--token <TOKEN>", "Filepath where the unsigned token file will be written")
    .addOption(signWith())
    .action(act((o) => quorum.generate(ctx, o)));
  tokenSign
    .command("approve")
    .description("Beyond cloudhsm-cli: approve a quorum token in the console with your signature")
    .requiredOption("--token <TOKEN>", "Filepath of the approval file the requester generated")
    .addOption(signWith())
    .action(act((o) => quorum.approve(ctx, o)));
  tokenSign.command("list").description("List the token-sign tokens in your cluster").action(act(() => quorum.list(ctx)));
  tokenSign.command("list-quorum-values").description("List current quorum values").action(act(() => quorum.listQuorumValues(ctx)));
  tokenSign.command("list-timeouts").description("List timeout durations in seconds for token validity").action(act(() => quorum.listTimeouts(ctx)));
  tokenSign
    .command("set-quorum-value")
    .description("Set a quorum value")
    .addOption(new Option("--service <SERVICE>", "Service the token will be used for").choices(["user", "quorum"]).makeOptionMandatory())
    .requiredOption("--value <VALUE>", "Value to set for service")
    .addOption(approval())
    .action(act((o) => quorum.setQuorumValue(ctx, o)));
  tokenSign
    .command("set-timeout")
    .description("Set timeout duration in seconds for token validity")
    .option("--generated <GENERATED>", "Timeout period in seconds for a generated (non-approved) token to be approved")
    .option("--approved <APPROVED>", "Timeout period in seconds for an approved token to be used to execute a quorum operation")
    .action(act((o) => quorum.setTimeout(ctx, o)));
  tokenSign
    .command("delete")
    .description("Delete one or more Quorum Tokens")
    .addOption(new Option("--scope <SCOPE>", "Scope of which token(s) will be deleted").choices(["user", "all"]).makeOptionMandatory())
    .action(act((o) => quorum.remove(ctx, o)));

  return program;
}

/** Runs one command line (already split into words); resolves to its exit status. */
export async function runCommand(ctx, words) {
  const args = words[0] === "help" ? [...words.slice(1), "--help"] : words;
  const program = buildProgram(ctx); // subcommands inherit exitOverride and the output settings
  ctx.exitCode = 0;
  try {
    await program.parseAsync(args, { from: "user" });
    return ctx.exitCode;
  } catch (e) {
    if (e?.code === "commander.helpDisplayed" || e?.code === "commander.help" || e?.code === "commander.version") return 0;
    if (typeof e?.exitCode === "number") return e.exitCode || 1;
    throw e;
  }
}
