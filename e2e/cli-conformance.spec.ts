import { expect, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { operator } from "./cli-support";
import { GUIDE_EXAMPLES, shapeDifferences } from "./cloudhsm-cli-guide";
import { E2E, PASSWORD, unique } from "./support";

// Replays the AWS guide's example outputs against ours, command by command, through the real client on the
// shared e2e server: a script that reads cloudhsm-cli's JSON must read ours unchanged.

test("the checker itself catches what the API used to answer", () => {
  expect(shapeDifferences(null, "Logout successful")).toEqual(['data: "null" instead of "Logout successful"']);
  const before = { tokens: [{ username: "a", service: "user", approvals_required: 2, number_of_approvals: 0, token_timeout_seconds: 3 }] };
  expect(shapeDifferences(before, GUIDE_EXAMPLES["quorum token-sign list"][0].data)).toContain("data.tokens[0].approvals-required: missing");
  const user = { username: "a", role: "admin", locked: false, mfa: [{ strategy: "token-sign", status: "on" }], quorum: [] };
  expect(shapeDifferences({ users: [user] }, GUIDE_EXAMPLES["user list"][0].data)).toEqual([
    "data.users[0].locked: boolean instead of string",
    'data.users[0].locked: false instead of "true" or "false"',
    'data.users[0].mfa[0].status: "on" instead of "enabled"',
    "data.users[0].cluster-coverage: missing",
  ]);
});

test("every command's answer has the shape of the guide's example", async () => {
  test.slow();
  const me = operator(E2E.baseURL, "conformance");
  const checked: string[] = [];
  const run = async (command: string, argv: string[]) => {
    const { envelope } = await me.run(argv);
    expect(envelope.error_code, `${command}: ${JSON.stringify(envelope.data)}`).toBe(0);
    for (const example of GUIDE_EXAMPLES[command]) expect(shapeDifferences(envelope.data, example.data), command).toEqual([]);
    checked.push(command);
    return envelope.data;
  };
  try {
    const name = unique("conf").toLowerCase();
    const gone = unique("gone").toLowerCase();
    execFileSync("openssl", ["genrsa", "-out", "k.key", "2048"], { cwd: me.dir, stdio: "ignore" });
    await run("login", ["login", "--username", E2E.admin, "--role", "admin", "--password", E2E.password]);
    await run("user create", ["user", "create", "--username", name, "--role", "admin", "--password", PASSWORD]);
    await run("user create", ["user", "create", "--username", gone, "--role", "crypto-user", "--password", PASSWORD]);
    await run("user change-password", ["user", "change-password", "--username", gone, "--role", "crypto-user", "--password", "another password"]);
    await run("user delete", ["user", "delete", "--username", gone, "--role", "crypto-user"]);
    await run("logout", ["logout"]);
    await run("login", ["login", "--username", name, "--role", "admin", "--password", PASSWORD]);
    await run("quorum token-sign generate", ["quorum", "token-sign", "generate", "--service", "registration", "--token", "reg.json", "--sign-with", "k.key"]);
    await run("user change-quorum token-sign register", ["user", "change-quorum", "token-sign", "register", "--signed-token", "reg.json", "--sign-with", "k.key", "--current-password", PASSWORD]);
    const mfa = ["--token", "mfa.json", "--sign-with", "k.key", "--change-password", PASSWORD, "--current-password", PASSWORD];
    await run("user change-mfa token-sign", ["user", "change-mfa", "token-sign", "--username", name, "--role", "admin", ...mfa]);
    await run("login mfa-token-sign", ["login", "--username", name, "--role", "admin", "--password", PASSWORD, "mfa-token-sign", "--token", "login.json", "--sign-with", "k.key"]);
    const users = (await run("user list", ["user", "list"])) as { users: { username: string; mfa: unknown[]; quorum: unknown[] }[] };
    expect(users.users.find((u) => u.username === name)).toMatchObject({ mfa: [expect.anything()], quorum: [expect.anything()] }); // so both lists' entries were compared
    await run("quorum token-sign generate", ["quorum", "token-sign", "generate", "--service", "user", "--token", "approval.json"]);
    const tokens = (await run("quorum token-sign list", ["quorum", "token-sign", "list"])) as { tokens: unknown[] };
    expect(tokens.tokens.length).toBeGreaterThan(0);
    await run("quorum token-sign delete", ["quorum", "token-sign", "delete", "--scope", "user"]);
    await run("quorum token-sign list-quorum-values", ["quorum", "token-sign", "list-quorum-values"]);
    await run("quorum token-sign set-quorum-value", ["quorum", "token-sign", "set-quorum-value", "--service", "quorum", "--value", "1"]);
    await run("quorum token-sign list-timeouts", ["quorum", "token-sign", "list-timeouts"]);
    await run("quorum token-sign set-timeout", ["quorum", "token-sign", "set-timeout", "--approved", "600"]);
    await run("logout", ["logout"]);
    expect(new Set(checked)).toEqual(new Set(Object.keys(GUIDE_EXAMPLES)));
  } finally {
    me.remove();
  }
});
