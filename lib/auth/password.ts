import "server-only";
import os from "node:os";
import { hash, verify } from "@node-rs/argon2";
import { Semaphore } from "async-mutex";

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const options = { algorithm: 2 /* Algorithm.Argon2id, a const enum */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

// At most one hash per core at a time; the rest wait their turn. A flood of sign-ins then cannot fill the
// thread pool that file reads share, nor take every core from the pages (issue 9, decision 0091).
const cores = new Semaphore(Math.max(1, os.availableParallelism()));

export function hashPassword(password: string): Promise<string> {
  return cores.runExclusive(() => hash(password, options));
}

let dummy: Promise<string> | undefined;

/** Verifies a password; with no hash (unknown user) it still spends the same time, so timing tells nothing. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummy ??= hashPassword("not-a-real-password-for-timing");
    const stand = await dummy;
    await cores.runExclusive(() => verify(stand, password)).catch(() => false);
    return false;
  }
  return cores.runExclusive(() => verify(passwordHash, password)).catch(() => false);
}
