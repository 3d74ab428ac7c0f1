// Test support (not a test file): keys made once per test process, and a temp dir for openssl.
import { execFileSync } from "node:child_process";
import { createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type Pair = { publicKey: KeyObject; privateKey: KeyObject };

const pairs = new Map<string, Pair>();

/** A cached key pair: "rsa2048", "rsa2048b", "rsa1024", "rsa3072", "rsa2048e3", "ec", "ed25519", "dsa". */
export function pair(name: string): Pair {
  let found = pairs.get(name);
  if (!found) {
    found = generate(name);
    pairs.set(name, found);
  }
  return found;
}

function generate(name: string): Pair {
  const rsa = /^rsa(\d+)(e3)?/.exec(name);
  if (rsa) return generateKeyPairSync("rsa", { modulusLength: Number(rsa[1]), publicExponent: rsa[2] ? 3 : 65537 });
  if (name === "ec") return generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  if (name === "ed25519") return generateKeyPairSync("ed25519");
  if (name === "dsa") return generateKeyPairSync("dsa", { modulusLength: 2048, divisorLength: 256 });
  throw new Error(`no test key ${name}`);
}

export const spkiPem = (key: KeyObject) => key.export({ type: "spki", format: "pem" }) as string;
export const pkcs1Pem = (key: KeyObject) => key.export({ type: "pkcs1", format: "pem" }) as string;

/** An RSA public key of any size without generating primes: a public key only needs a modulus. */
export function syntheticRsaPublicKey(bits: number): KeyObject {
  const n = randomBytes(bits / 8);
  n[0] |= 0x80;
  n[n.length - 1] |= 1;
  return createPublicKey({ key: { kty: "RSA", n: n.toString("base64url"), e: "AQAB" }, format: "jwk" });
}

/** A temp dir with helpers to write files and run openssl in it. */
export function opensslDir() {
  const dir = mkdtempSync(join(tmpdir(), "hsm-keys-test-"));
  return {
    dir,
    path: (name: string) => join(dir, name),
    write(name: string, data: string | Buffer) {
      writeFileSync(join(dir, name), data);
      return join(dir, name);
    },
    openssl: (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] }),
    shell: (command: string) => execFileSync("sh", ["-c", command], { cwd: dir, encoding: "utf8" }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Every line of base64 in a PEM text (no BEGIN/END lines), to check messages never echo a key. */
export function bodyLines(pem: string): string[] {
  return pem.split(/\r?\n/).filter((line) => line && !line.startsWith("-----"));
}
