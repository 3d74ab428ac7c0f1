// Test support (not a test file): signs tokens the right way and the usual wrong ways, with openssl.
import { constants, privateEncrypt, publicDecrypt, randomBytes, type KeyObject } from "node:crypto";
import { opensslDir } from "../keys/key-test-support";
import { SHA256_DIGEST_INFO_PREFIX } from "./digest-info";

import { pair } from "../keys/key-test-support";
export { pair, spkiPem } from "../keys/key-test-support";

/** What `openssl pkeyutl -sign -pkeyopt digest:sha256` makes, computed in-process (fast, for file tests). */
export function signToken(privateKey: KeyObject, digest: Buffer): string {
  const block = Buffer.concat([SHA256_DIGEST_INFO_PREFIX, digest]);
  return privateEncrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, block).toString("base64");
}

export const newToken = () => randomBytes(32);

/** A temp dir holding user.key; each method signs token bytes with a real openssl command line. */
export function opensslSigner(privateKey: KeyObject) {
  const tmp = opensslDir();
  tmp.write("user.key", privateKey.export({ type: "pkcs8", format: "pem" }));
  const run = (token: Buffer, args: string[], input = "token1.bin") => {
    tmp.write("token1.bin", token);
    tmp.write("token1.b64", token.toString("base64") + "\n"); // as `base64 token1.bin > token1.b64` writes it
    tmp.write("token1-n.b64", token.toString("base64")); // as `echo -n` writes it
    tmp.openssl(...args.map((a) => a.replace("IN", input)));
    return tmp.shell("base64 -w0 token1.sig.bin");
  };
  return {
    remove: tmp.remove,
    /** The right way: the 32 bytes are the digest. */
    pkeyutl: (token: Buffer) =>
      run(token, ["pkeyutl", "-sign", "-inkey", "user.key", "-pkeyopt", "digest:sha256", "-in", "IN", "-out", "token1.sig.bin"]),
    pkeyutlRaw: (token: Buffer, input?: string) => run(token, ["pkeyutl", "-sign", "-inkey", "user.key", "-in", "IN", "-out", "token1.sig.bin"], input),
    pss: (token: Buffer) =>
      run(token, ["pkeyutl", "-sign", "-inkey", "user.key", "-pkeyopt", "rsa_padding_mode:pss", "-pkeyopt", "digest:sha256", "-in", "IN", "-out", "token1.sig.bin"]),
    dgst: (token: Buffer, hash = "-sha256", input?: string) =>
      run(token, ["dgst", hash, "-sign", "user.key", "-out", "token1.sig.bin", "IN"], input),
    /** The signature as `base64` prints it by default: 76-character lines and a final newline. */
    wrapped: () => tmp.shell("base64 token1.sig.bin"),
    hex: () => tmp.shell("xxd -p token1.sig.bin"),
  };
}

/**
 * A signature of `token` by a key other than `registered`, chosen so that it cannot pass the PSS
 * heuristic by chance (about 1 in 512 would), so "wrong key" tests are deterministic.
 */
export function signWithAnotherKey(registered: KeyObject, token: Buffer): string {
  for (const name of ["rsa2048b", "rsa2048c", "rsa2048d"]) {
    if (pair(name).publicKey === registered) continue;
    const signed = signToken(pair(name).privateKey, token);
    let last: number | undefined;
    try {
      last = publicDecrypt({ key: registered, padding: constants.RSA_NO_PADDING }, Buffer.from(signed, "base64")).at(-1);
    } catch {
      return signed; // above the registered modulus: it cannot even be opened, so it reads as another key's
    }
    if (last !== 0xbc) return signed;
  }
  throw new Error("three keys in a row looked like PSS: not a coincidence");
}
