import "server-only";
import { randomBytes } from "node:crypto";

const alphabet = "abcdefghijklmnopqrstuvwxyz234567";

function base32(n: number): string {
  const bytes = randomBytes(n);
  return Array.from(bytes, (b) => alphabet[b & 31]).join("");
}

// Shaped like CloudHSM's own identifiers, so they read naturally next to the AWS console.
export const newClusterId = () => `cluster-${base32(11)}`;
export const newHsmId = () => `hsm-${base32(11)}`;
export const newSecret = () => randomBytes(32).toString("base64url");
