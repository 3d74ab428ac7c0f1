import { expect, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { api, apiLogin, createUser, PASSWORD } from "./support";

type TokenFile = { version: string; tokens: { unsigned: string; signed: string }[] };

/** Signs a token file the way the cloudhsm-cli documentation says, with openssl in a shell. */
function signWithOpenssl(dir: string, file: TokenFile): TokenFile {
  return {
    ...file,
    tokens: file.tokens.map((t, i) => {
      const script = `echo '${t.unsigned}' | base64 -d > t${i}.bin && openssl pkeyutl -sign -inkey user.key -pkeyopt digest:sha256 -keyform PEM -in t${i}.bin -out t${i}.sig && base64 -w0 t${i}.sig`;
      return { unsigned: t.unsigned, signed: execFileSync("bash", ["-c", script], { cwd: dir, encoding: "utf8" }) };
    }),
  };
}

test("change-mfa and login mfa-token-sign through the API, as a script would", async ({ request }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hsm-api-mfa-"));
  execFileSync("bash", ["-c", "openssl genrsa -out user.key 2048 2>/dev/null && openssl rsa -in user.key -pubout -out user.pub.pem 2>/dev/null"], { cwd: dir });
  const publicKey = fs.readFileSync(path.join(dir, "user.pub.pem"), "utf8");
  const privateKey = fs.readFileSync(path.join(dir, "user.key"), "utf8");
  const username = await createUser(request);
  const token = await apiLogin(request, username, PASSWORD);
  const route = "/api/v1/user/change-mfa/token-sign";

  const step1 = await api(request, "POST", route, { token, body: { username, role: "crypto-user", token: true } });
  expect(step1.status).toBe(200);
  const file = step1.body.data.token_file as TokenFile;
  expect(file.tokens).toHaveLength(2);

  const privateRefused = await api(request, "POST", route, {
    token,
    body: { username, role: "crypto-user", current_password: PASSWORD, change_password: PASSWORD, signed_token_file: signWithOpenssl(dir, file), public_key_pem: privateKey },
  });
  expect(privateRefused.status).toBe(422);
  expect(privateRefused.body.data).toMatch(/private key.*Treat this key as exposed/s);
  expect(JSON.stringify(privateRefused.body)).not.toContain(privateKey.split("\n")[1]);

  const unsignedRefused = await api(request, "POST", route, { token, body: { username, role: "crypto-user", current_password: PASSWORD, change_password: PASSWORD, signed_token_file: file, public_key_pem: publicKey } });
  expect(unsignedRefused.status).toBe(422);
  expect(unsignedRefused.body.data).toMatch(/2 of 2 tokens did not verify.*Token 1: This token has no signature/s);

  const registered = await api(request, "POST", route, {
    token,
    body: { username, role: "crypto-user", current_password: PASSWORD, change_password: PASSWORD, signed_token_file: signWithOpenssl(dir, file), public_key_pem: publicKey },
  });
  expect(registered.body).toEqual({ error_code: 0, data: { username, role: "crypto-user" } });

  const list = await api(request, "GET", `/api/v1/user/list?search=${username}`, { token });
  expect(list.body.data.users[0]).toMatchObject({ mfa: [{ strategy: "token-sign", status: "enabled" }], mfa_fingerprint: expect.stringMatching(/^SHA256:/) });

  const login = await api(request, "POST", "/api/v1/login", { body: { username, password: PASSWORD }, ip: "10.55.0.1" });
  expect(login.body.data).toMatchObject({ mfa_required: true, token_file: { version: "2.0" } });
  const loginFile = login.body.data.token_file as TokenFile;
  const wrongPurpose = await api(request, "POST", "/api/v1/login/mfa-token-sign", { body: { username, signed_token_file: signWithOpenssl(dir, file) }, ip: "10.55.0.1" });
  expect(wrongPurpose.status).toBe(422);
  expect(wrongPurpose.body.data).toMatch(/issued for an MFA registration, not for a sign-in/);
  const signedLogin = signWithOpenssl(dir, loginFile);
  const session = await api(request, "POST", "/api/v1/login/mfa-token-sign", { body: { username, signed_token_file: signedLogin }, ip: "10.55.0.1" });
  expect(session.body).toMatchObject({ error_code: 0, data: { username, role: "crypto-user", session_token: expect.any(String) } });
  const replayed = await api(request, "POST", "/api/v1/login/mfa-token-sign", { body: { username, signed_token_file: signedLogin }, ip: "10.55.0.1" });
  expect(replayed.status).toBe(409);
  expect(replayed.body.data).toMatch(/used already/);
  expect((await api(request, "GET", "/api/v1/user/list", { token: session.body.data.session_token })).status).toBe(200);

  const deregistered = await api(request, "POST", route, { token, body: { username, role: "crypto-user", current_password: PASSWORD, change_password: PASSWORD, deregister: true } });
  expect(deregistered.body).toEqual({ error_code: 0, data: { username, role: "crypto-user" } });
  fs.rmSync(dir, { recursive: true, force: true });
});
