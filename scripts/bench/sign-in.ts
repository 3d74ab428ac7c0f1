// Target 1: full MFA sign-ins (password, then the 8-token login file signed as openssl pkeyutl signs it)
// through the API from 10 concurrent clients, against argon2id verifications of the same parameters; and the
// server's MFA check (parse the upload, verify 8 signatures) against raw `openssl speed rsa2048` verification.
import { execFileSync } from "node:child_process";
import { constants, privateEncrypt, type KeyObject } from "node:crypto";
import { verify } from "@node-rs/argon2";
import { hashPassword } from "../../lib/auth/password";
import { parsePublicKeyPem } from "../../lib/keys";
import { verifySignedTokenFile } from "../../lib/token-files";
import { SHA256_DIGEST_INFO_PREFIX } from "../../lib/token-files/digest-info";
import { concurrently } from "./http";
import { BENCH_PASSWORD, signInUser } from "./seed";

const CLIENTS = 10;

export async function argon2PerSecond(seconds = 4): Promise<number> {
  const hash = await hashPassword(BENCH_PASSWORD);
  await verify(hash, BENCH_PASSWORD);
  const t = performance.now();
  const done = await concurrently(CLIENTS, seconds, async () => verify(hash, BENCH_PASSWORD));
  return done.length / ((performance.now() - t) / 1000);
}

const post = async (url: string, body: unknown) => {
  const r = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as { error_code: number; error_message?: string; data: any } };
};

export const signToken = (key: KeyObject, unsigned: string) =>
  privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO_PREFIX, Buffer.from(unsigned, "base64")])).toString("base64");

/** One full sign-in: the password step, signing the login token file, the upload. */
export async function fullSignIn(url: string, username: string, key: KeyObject): Promise<void> {
  const first = await post(`${url}/api/v1/login`, { username, password: BENCH_PASSWORD });
  if (first.body.error_code !== 0 || !first.body.data.mfa_required) throw new Error(`password step: ${first.status} ${JSON.stringify(first.body)}`);
  const file = first.body.data.token_file as { version: string; tokens: { unsigned: string; signed: string }[] };
  const signed = { ...file, tokens: file.tokens.map((t) => ({ unsigned: t.unsigned, signed: signToken(key, t.unsigned) })) };
  const second = await post(`${url}/api/v1/login/mfa-token-sign`, { username, signed_token_file: signed });
  if (second.body.error_code !== 0) throw new Error(`MFA step: ${second.status} ${JSON.stringify(second.body)}`);
}

export async function signInsPerSecond(url: string, key: KeyObject, seconds = 8): Promise<number> {
  for (let c = 0; c < CLIENTS; c++) await fullSignIn(url, signInUser(c), key);
  const t = performance.now();
  const done = await concurrently(CLIENTS, seconds, (c) => fullSignIn(url, signInUser(c), key));
  return done.length / ((performance.now() - t) / 1000);
}

/** `openssl speed rsa2048`: RSA-2048 verifications a second on one core. */
export function opensslVerifiesPerSecond(): number | null {
  try {
    const out = execFileSync("openssl", ["speed", "-seconds", "2", "rsa2048"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const line = out.split("\n").find((l) => /^rsa\s+2048 bits/.test(l));
    const v = line?.trim().split(/\s+/);
    return v ? Number(v[v.length - 1]) : null;
  } catch {
    return null;
  }
}

/** The server's check of a signed 8-token file (parse, key from its stored PEM, 8 verifications), per second on one core. */
export function mfaChecksPerSecond(publicKey: KeyObject, privateKey: KeyObject, seconds = 2): number {
  const digests = Array.from({ length: 8 }, (_, i) => Buffer.alloc(32, i + 1));
  const file = JSON.stringify({ version: "2.0", tokens: digests.map((d) => ({ unsigned: d.toString("base64"), signed: signToken(privateKey, d.toString("base64")) })) });
  const pem = publicKey.export({ type: "spki", format: "pem" }) as string;
  const check = () => {
    const key = parsePublicKeyPem(pem);
    if (!key.ok || !verifySignedTokenFile({ key: key.key, expected: digests, file }).ok) throw new Error("the bench's signed file did not verify");
  };
  for (let i = 0; i < 50; i++) check();
  let n = 0;
  const t = performance.now();
  while (performance.now() - t < seconds * 1000) (check(), n++);
  return n / ((performance.now() - t) / 1000);
}
