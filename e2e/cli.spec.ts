import { expect, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { envelopes, operator, type Operator } from "./cli-support";
import { quorumUrl, useQuorumServer } from "./quorum-support";
import { PASSWORD } from "./support";

// The real `hsm-console` client against a real server of its own (quorum values are cluster-wide).
const SERVER = "cli"; // a quorum server of its own, on a free port
useQuorumServer(SERVER);
const url = quorumUrl(SERVER);
const ADMIN = { username: "admin", password: "e2e admin password" };
const people: Operator[] = [];
const person = (name: string) => {
  const p = operator(url, name);
  people.push(p);
  return p;
};
test.afterAll(() => people.forEach((p) => p.remove()));

/** A key pair made as the guide makes it. */
function makeKey(p: Operator, name: string) {
  execFileSync("openssl", ["genrsa", "-out", `${name}.key`, "2048"], { cwd: p.dir, stdio: "ignore" });
  execFileSync("openssl", ["rsa", "-in", `${name}.key`, "-pubout", "-out", `${name}.pub.pem`], { cwd: p.dir, stdio: "ignore" });
}

/** Signs every token of a token file with openssl pkeyutl, as the console's instructions say, into `out`. */
function opensslSignTokenFile(p: Operator, file: string, key: string, out: string) {
  const tokens = p.read(file).tokens.map((t: { unsigned: string }, i: number) => {
    fs.writeFileSync(p.file(`token${i}.bin`), Buffer.from(t.unsigned, "base64"));
    execFileSync("openssl", ["pkeyutl", "-sign", "-inkey", key, "-pkeyopt", "digest:sha256", "-keyform", "PEM", "-in", `token${i}.bin`, "-out", `token${i}.sig.bin`], { cwd: p.dir });
    return { ...t, signed: fs.readFileSync(p.file(`token${i}.sig.bin`)).toString("base64") };
  });
  p.write(out, { ...p.read(file), tokens });
}

const login = (p: Operator, username: string, role: string, password: string) => p.run(["login", "--username", username, "--role", role, "--password", password]);

test("login, user list, create, change-password, delete and logout, as cloudhsm-cli prints them", async () => {
  const admin = person("admin");
  const prompted = await admin.run(["login", "--username", ADMIN.username, "--role", "admin"], [ADMIN.password]);
  expect(prompted.stderr).toContain("Enter password:");
  expect(prompted.stderr).not.toContain(ADMIN.password);
  expect(prompted).toMatchObject({ code: 0, envelope: { error_code: 0, data: { username: "admin", role: "admin" } } });
  expect(fs.statSync(admin.sessionFile).mode & 0o777).toBe(0o600);
  expect(fs.readFileSync(admin.sessionFile, "utf8")).not.toContain(ADMIN.password);

  const created = await admin.run(["user", "create", "--username", "Alice", "--role", "crypto-user"], [PASSWORD, PASSWORD]);
  expect(created.stderr).toMatch(/Enter password:[\s\S]*Confirm password:/);
  expect(created.envelope).toEqual({ error_code: 0, data: { username: "alice", role: "crypto-user" } });
  const mismatch = await admin.run(["user", "create", "--username", "bob", "--role", "crypto-user"], [PASSWORD, "something else"]);
  expect(mismatch).toMatchObject({ code: 1, envelope: { error_code: 1, data: "The two passwords do not match." } });

  const listed = await admin.run(["user", "list"]);
  expect(listed.code).toBe(0);
  expect(listed.envelope.data.users).toContainEqual(
    expect.objectContaining({ username: "alice", role: "crypto-user", locked: "false", mfa: [], quorum: [], "cluster-coverage": "full" }),
  );
  expect(listed.envelope.data.users.map((u: { username: string }) => u.username)).not.toContain("bob");

  expect((await admin.run(["user", "change-password", "--username", "alice", "--role", "crypto-user", "--password", "alice new password"])).envelope).toEqual({
    error_code: 0,
    data: { username: "alice", role: "crypto-user" },
  });
  const alice = person("alice");
  const wrongRole = await login(alice, "alice", "admin", "alice new password");
  expect(wrongRole).toMatchObject({ code: 1, envelope: { error_code: 1, data: expect.stringMatching(/^Sign-in failed/) } });
  expect(fs.existsSync(alice.sessionFile)).toBe(false);
  expect((await login(alice, "alice", "crypto-user", "alice new password")).code).toBe(0);
  const guessed = await alice.run(["user", "change-password", "--username", "alice", "--role", "crypto-user", "--password", "alice third password", "--current-password", "a guess"]);
  expect(guessed).toMatchObject({ code: 1, envelope: { error_code: 1, data: expect.stringMatching(/^Your current password is wrong/) } });
  const own = await alice.run(["user", "change-password", "--username", "alice", "--role", "crypto-user"], ["alice third password", "alice third password", "alice new password"]);
  expect(own.stderr).toMatch(/Enter password:[\s\S]*Confirm password:[\s\S]*Enter current password:/);
  expect(own.envelope).toEqual({ error_code: 0, data: { username: "alice", role: "crypto-user" } });
  const notAdmin = await login(alice, "alice", "crypto-user", "alice third password");
  expect(notAdmin.code).toBe(0);
  const refused = await alice.run(["user", "delete", "--username", "admin", "--role", "admin"]);
  expect(refused).toMatchObject({ code: 1, envelope: { error_code: 1, data: "Only an admin can run user delete." } });

  expect((await admin.run(["user", "delete", "--username", "alice", "--role", "crypto-user"])).envelope).toEqual({ error_code: 0, data: { username: "alice", role: "crypto-user" } });
  const ended = await alice.run(["user", "list"]);
  expect(ended).toMatchObject({ code: 1, envelope: { error_code: 1 } });
  expect(fs.existsSync(alice.sessionFile)).toBe(false); // the console ended the session: the client forgets it

  expect((await admin.run(["logout"])).envelope).toEqual({ error_code: 0, data: "Logout successful" });
  expect(fs.existsSync(admin.sessionFile)).toBe(false);
  expect((await admin.run(["user", "list"])).envelope.data).toMatch(/^Not logged in to http:\/\/127\.0\.0\.1:\d+: run login/);
});

test("MFA: register with --sign-with, sign in in one step, sign in with openssl between the steps, deregister", async () => {
  const admin = person("mfa-admin");
  await login(admin, ADMIN.username, "admin", ADMIN.password);
  await admin.run(["user", "create", "--username", "carol", "--role", "crypto-user", "--password", PASSWORD]);
  const carol = person("carol");
  makeKey(carol, "carol");
  await login(carol, "carol", "crypto-user", PASSWORD);

  const registered = await carol.run(
    ["user", "change-mfa", "token-sign", "--username", "carol", "--role", "crypto-user", "--token", "reg.json", "--sign-with", "carol.key", "--change-password", PASSWORD, "--current-password", PASSWORD],
  );
  expect(registered.envelope).toEqual({ error_code: 0, data: { username: "carol", role: "crypto-user" } });
  expect(carol.read("reg.json").tokens).toHaveLength(2); // one token per HSM, written and signed in place
  const listed = (await admin.run(["user", "list"])).envelope.data.users.find((u: { username: string }) => u.username === "carol");
  expect(listed).toMatchObject({ mfa: [{ strategy: "token-sign", status: "enabled" }], "cluster-coverage": "full" });

  const noMfaFlag = await login(carol, "carol", "crypto-user", PASSWORD);
  expect(noMfaFlag.envelope.data).toMatch(/This account signs in with token-sign MFA: add mfa-token-sign --token/);

  const oneStep = await carol.run(["login", "--username", "carol", "--role", "crypto-user", "--password", PASSWORD, "mfa-token-sign", "--token", "login.json", "--sign-with", "carol.key"]);
  expect(oneStep).toMatchObject({ code: 0, envelope: { error_code: 0, data: { username: "carol", role: "crypto-user" } } });
  expect((await carol.run(["user", "list"])).code).toBe(0);

  // As with cloudhsm-cli: the client writes the token file, the user signs it with openssl, then gives the path.
  const twoSteps = carol.start(["login", "--username", "carol", "--role", "crypto-user", "mfa-token-sign", "--token", "login2.json"]);
  await twoSteps.waitFor("Enter password:");
  twoSteps.line(PASSWORD);
  await twoSteps.waitFor("Enter signed token file path (press enter if same as the unsigned token file):");
  const unsigned = carol.read("login2.json");
  expect(unsigned).toEqual({ version: "2.0", tokens: [{ unsigned: expect.any(String), signed: "" }, { unsigned: expect.any(String), signed: "" }] });
  opensslSignTokenFile(carol, "login2.json", "carol.key", "login2.signed.json");
  twoSteps.line("login2.signed.json");
  const finished = await twoSteps.done;
  expect(finished.envelopes).toEqual([{ error_code: 0, data: { username: "carol", role: "crypto-user" } }]);

  // A signature with the wrong key: the console's per-token diagnosis comes back as the envelope's data.
  makeKey(carol, "other");
  const wrong = carol.start(["login", "--username", "carol", "--role", "crypto-user", "--password", PASSWORD, "mfa-token-sign", "--token", "login3.json"]);
  await wrong.waitFor("Enter signed token file path");
  opensslSignTokenFile(carol, "login3.json", "other.key", "login3.json");
  wrong.line("");
  const refused = await wrong.done;
  expect(refused.code).toBe(1);
  expect(refused.envelopes[0].data).toMatch(/2 of 2 tokens did not verify/);

  // An admin registers a key for another user the cloudhsm-cli way: prompts for the signed file and the key.
  await admin.run(["user", "create", "--username", "dave", "--role", "crypto-user", "--password", PASSWORD]);
  const forDave = admin.start(["user", "change-mfa", "token-sign", "--username", "dave", "--role", "crypto-user", "--token", "dave.json", "--change-password", PASSWORD]);
  await forDave.waitFor("Enter signed token file path");
  makeKey(admin, "dave");
  opensslSignTokenFile(admin, "dave.json", "dave.key", "dave.json");
  forDave.line("");
  await forDave.waitFor("Enter public key PEM file path:");
  forDave.line("dave.pub.pem");
  expect((await forDave.done).envelopes).toEqual([{ error_code: 0, data: { username: "dave", role: "crypto-user" } }]);

  const deregistered = await admin.run(["user", "change-mfa", "token-sign", "--username", "carol", "--role", "crypto-user", "--deregister", "--change-password", PASSWORD]);
  expect(deregistered.envelope).toEqual({ error_code: 0, data: { username: "carol", role: "crypto-user" } });
  expect((await login(carol, "carol", "crypto-user", PASSWORD)).envelope).toEqual({ error_code: 0, data: { username: "carol", role: "crypto-user" } });
  // A lost key: change-password --deregister-mfa, as cloudhsm-cli spells it.
  const reset = await admin.run(["user", "change-password", "--username", "dave", "--role", "crypto-user", "--password", "dave new password", "--deregister-mfa"]);
  expect(reset.envelope).toEqual({ error_code: 0, data: { username: "dave", role: "crypto-user" } });
  const dave = (await admin.run(["user", "list"])).envelope.data.users.find((u: { username: string }) => u.username === "dave");
  expect(dave.mfa).toEqual([]);
  const both = await admin.run(["user", "change-mfa", "token-sign", "--username", "carol", "--role", "crypto-user", "--change-password", PASSWORD]);
  expect(both.envelope).toEqual({ error_code: 1, data: "Give either --token <TOKEN> (register a key) or --deregister (remove it)." });
});

test("quorum from the client alone: keys registered the CLI's way, a two-admin approval, values, timeouts, delete", async () => {
  test.slow(); // three people, real openssl runs
  const a = person("qa");
  await login(a, ADMIN.username, "admin", ADMIN.password);
  for (const name of ["qb", "qc"]) await a.run(["user", "create", "--username", name, "--role", "admin", "--password", PASSWORD]);
  const b = person("qb");
  const c = person("qc");
  await login(b, "qb", "admin", PASSWORD);
  await login(c, "qc", "admin", PASSWORD);

  // a and b: the guide's first-time setup, with openssl between generate and register.
  for (const [p, name] of [[a, "admin"], [b, "qb"]] as const) {
    makeKey(p, "quorum");
    const generated = await p.run(["quorum", "token-sign", "generate", "--service", "registration", "--token", "reg.json"]);
    expect(generated.envelope).toEqual({ error_code: 0, data: { filepath: "reg.json", path: "reg.json" } });
    expect(p.read("reg.json")).toEqual({ version: "2.0", tokens: [{ approval_data: expect.any(String), unsigned: expect.any(String), signed: "" }] });
    opensslSignTokenFile(p, "reg.json", "quorum.key", "reg.json");
    const registered = await p.run(["user", "change-quorum", "token-sign", "register", "--public-key", "quorum.pub.pem", "--signed-token", "reg.json", "--current-password", name === "admin" ? ADMIN.password : PASSWORD]);
    expect(registered.envelope).toEqual({ error_code: 0, data: { username: name, role: "admin" } });
  }
  // c: the same in two commands, signed here.
  makeKey(c, "quorum");
  await c.run(["quorum", "token-sign", "generate", "--service", "registration", "--token", "reg.json", "--sign-with", "quorum.key"]);
  expect((await c.run(["user", "change-quorum", "token-sign", "register", "--signed-token", "reg.json", "--sign-with", "quorum.key", "--current-password", PASSWORD])).envelope).toEqual({
    error_code: 0,
    data: { username: "qc", role: "admin" },
  });
  const holders = (await a.run(["user", "list"])).envelope.data.users.filter((u: { quorum: unknown[] }) => u.quorum.length === 1).map((u: { username: string }) => u.username);
  expect(holders.sort()).toEqual(["admin", "qb", "qc"]);

  expect((await a.run(["quorum", "token-sign", "set-quorum-value", "--service", "user", "--value", "2"])).envelope).toEqual({ error_code: 0, data: "Set Quorum Value successful" });
  expect((await c.run(["quorum", "token-sign", "list-quorum-values"])).envelope).toEqual({ error_code: 0, data: { user: 2, quorum: 1 } });
  const blocked = await a.run(["user", "create", "--username", "quorum_cu", "--role", "crypto-user", "--password", PASSWORD]);
  expect(blocked).toMatchObject({ code: 1, envelope: { error_code: 1, data: expect.stringMatching(/^Quorum approval is required for this operation/) } });

  expect((await a.run(["quorum", "token-sign", "generate", "--service", "user", "--token", "approval.json"])).code).toBe(0);
  const file = a.read("approval.json");
  expect(file).toEqual({ version: "2.0", approval_data: expect.any(String), token: expect.any(String), signatures: [] });
  fs.copyFileSync(a.file("approval.json"), b.file("approval.json"));
  fs.copyFileSync(a.file("approval.json"), c.file("approval.json"));
  const first = await b.run(["quorum", "token-sign", "approve", "--token", "approval.json", "--sign-with", "quorum.key"]);
  expect(first.envelope).toEqual({ error_code: 0, data: { "approvals-required": 2, "number-of-approvals": 1 } });
  const listed = (await a.run(["quorum", "token-sign", "list"])).envelope.data.tokens;
  expect(listed).toEqual([expect.objectContaining({ username: "admin", service: "user", "approvals-required": 2, "number-of-approvals": 1, "token-timeout-seconds": expect.any(Number), "cluster-coverage": "full" })]);
  expect((await c.run(["quorum", "token-sign", "approve", "--token", "approval.json", "--sign-with", "quorum.key"])).envelope.data).toEqual({ "approvals-required": 2, "number-of-approvals": 2 });
  const made = await a.run(["user", "create", "--username", "quorum_cu", "--role", "crypto-user", "--password", PASSWORD, "--approval", "approval.json"]);
  expect(made.envelope).toEqual({ error_code: 0, data: { username: "quorum_cu", role: "crypto-user" } });
  const reused = await a.run(["user", "delete", "--username", "quorum_cu", "--role", "crypto-user", "--approval", "approval.json"]);
  expect(reused.envelope.data).toMatch(/^Quorum approval is required for this operation: this token was already used/);

  // The approvers' signatures may travel in the file instead, as in the AWS guide (b signs with openssl).
  await a.run(["quorum", "token-sign", "generate", "--service", "user", "--token", "approval2.json"]);
  const token = a.read("approval2.json").token as string;
  fs.writeFileSync(b.file("t.bin"), Buffer.from(token, "base64"));
  execFileSync("openssl", ["pkeyutl", "-sign", "-inkey", "quorum.key", "-pkeyopt", "digest:sha256", "-keyform", "PEM", "-in", "t.bin", "-out", "t.sig"], { cwd: b.dir });
  const signed = { ...a.read("approval2.json"), signatures: [{ username: "qb", signature: fs.readFileSync(b.file("t.sig")).toString("base64") }] };
  a.write("approval2.json", signed);
  await a.run(["quorum", "token-sign", "generate", "--service", "quorum", "--token", "unused.json"]);
  fs.copyFileSync(a.file("approval2.json"), c.file("approval2.json"));
  await c.run(["quorum", "token-sign", "approve", "--token", "approval2.json", "--sign-with", "quorum.key"]);
  expect((await a.run(["user", "delete", "--username", "quorum_cu", "--role", "crypto-user", "--approval", "approval2.json"])).envelope).toEqual({
    error_code: 0,
    data: { username: "quorum_cu", role: "crypto-user" },
  });

  expect((await a.run(["quorum", "token-sign", "set-timeout", "--generated", "900"])).envelope).toEqual({ error_code: 0, data: "Set token timeout successful" });
  expect((await b.run(["quorum", "token-sign", "list-timeouts"])).envelope).toEqual({ error_code: 0, data: { generated: 900, approved: 600 } });
  expect((await a.run(["quorum", "token-sign", "set-timeout"])).envelope.data).toBe("Give --generated <GENERATED>, --approved <APPROVED>, or both (seconds).");
  expect((await a.run(["quorum", "token-sign", "list"])).envelope.data.tokens).toHaveLength(1); // the quorum-service token
  expect((await a.run(["quorum", "token-sign", "delete", "--scope", "all"])).envelope).toEqual({ error_code: 0, data: "Deletion of quorum token(s) successful" });
  expect((await a.run(["quorum", "token-sign", "list"])).envelope).toEqual({ error_code: 0, data: { tokens: [] } });
  expect((await a.run(["quorum", "token-sign", "set-quorum-value", "--service", "user", "--value", "1"])).envelope.data).toBe("Set Quorum Value successful");
});

test("interactive mode: cloudhsm-cli's prompt, help, and a session that ends with the prompt", async () => {
  const p = person("interactive");
  const session = p.start(["interactive"]);
  for (const line of [`login --username ${ADMIN.username} --role admin --password "${ADMIN.password}"`, "quorum token-sign list-quorum-values", "help user", "quit"]) session.line(line);
  const finished = await session.done;
  expect(finished.code).toBe(0);
  expect(finished.stderr.match(/aws-cloudhsm > /g)).toHaveLength(4);
  expect(finished.stdout).toContain("Usage: hsm-console user");
  expect(finished.stdout).toMatch(/change-mfa\s+Change a user's Mfa Strategy/);
  expect(envelopes(finished.stdout.split(/\n(?=Usage:)/)[0])).toEqual([
    { error_code: 0, data: { username: "admin", role: "admin" } },
    { error_code: 0, data: { user: 1, quorum: 1 } },
  ]);
  expect(fs.existsSync(p.sessionFile)).toBe(false); // interactive sessions never touch the session file

  // The prompt's session was ended on the console at quit: the audit log shows its logout.
  const admin = person("auditor");
  await login(admin, ADMIN.username, "admin", ADMIN.password);
  const events = await fetch(`${url}/api/v1/audit?operation=logout`, { headers: { authorization: `Bearer ${JSON.parse(fs.readFileSync(admin.sessionFile, "utf8")).session_token}` } });
  const body = await events.json();
  expect(body.data.events.some((e: { actor_username?: string; actor?: { username: string }; user_agent?: string }) => JSON.stringify(e).includes("hsm-console-cli"))).toBe(true);
});

test("single-command mode with cloudhsm-cli's CLOUDHSM_PIN and CLOUDHSM_ROLE: logged in for one command only", async () => {
  const p = person("pin");
  const pin = { CLOUDHSM_PIN: `${ADMIN.username}:${ADMIN.password}`, CLOUDHSM_ROLE: "admin" };
  const made = await p.run(["user", "create", "--username", "pin_made", "--role", "crypto-user", "--password", PASSWORD], [], pin);
  expect(made.envelope).toEqual({ error_code: 0, data: { username: "pin_made", role: "crypto-user" } });
  expect(fs.existsSync(p.sessionFile)).toBe(false);
  const wrong = await p.run(["user", "list"], [], { CLOUDHSM_PIN: `${ADMIN.username}:not the password`, CLOUDHSM_ROLE: "admin" });
  expect(wrong).toMatchObject({ code: 1, envelope: { error_code: 1, data: expect.stringMatching(/^Sign-in failed/) } });
  expect((await p.run(["user", "list"], [], { CLOUDHSM_PIN: "no-colon", CLOUDHSM_ROLE: "admin" })).envelope.data).toMatch(/CLOUDHSM_PIN is username:password/);
  const closed = await closedPort();
  const unreachable = await p.run(["user", "list", "--url", `http://127.0.0.1:${closed}`]);
  expect(unreachable.envelope.data).toMatch(`Not logged in to http://127.0.0.1:${closed}: run login`);
  const down = await p.run(["login", "--username", "x", "--role", "admin", "--password", "x", "--url", `http://127.0.0.1:${closed}`]);
  expect(down).toMatchObject({ code: 1, envelope: { error_code: 1, data: `Cannot reach the console at http://127.0.0.1:${closed} (nothing is listening there). Check --url or HSM_CONSOLE_URL.` } });
  expect((await p.run(["user", "list", "--url", "ftp://example.org"])).envelope.data).toBe("The console's URL must start with http:// or https:// (got ftp://example.org).");
});

/** A port that nothing listens on: one the system just gave out and took back. */
async function closedPort() {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
