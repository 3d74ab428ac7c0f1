import "server-only";
import { MAX_BEGINS, type PemBlock, type PemScan } from "./pem-blocks";

// Refusals decided from the shape of the pasted text alone, before any parser sees it.

export type KeyTextRefusal = {
  code:
    | "empty"
    | "too_large"
    | "ssh_public_key"
    | "no_pem"
    | "several_blocks"
    | "truncated"
    | "certificate"
    | "certificate_request"
    | "not_public_key";
  message: string;
};

export const MAX_KEY_TEXT_LENGTH = 64 * 1024;

const EXPORT_PUBLIC = "`openssl rsa -in user.key -pubout -out user.pub.pem`";
const PASTE_WHOLE = "paste the whole file, including its -----BEGIN PUBLIC KEY----- and -----END PUBLIC KEY----- lines";
const SSH_KEY = /^(ssh-rsa|ssh-ed25519|ssh-dss|ecdsa-sha2-[a-z0-9]+|sk-[a-z0-9-]+@openssh\.com) /;

/** The one block to parse, or why the text cannot be a single PEM public key. */
export function refuseKeyText(text: string, scan: PemScan): KeyTextRefusal | PemBlock {
  const trimmed = text.trim();
  if (trimmed === "") {
    return { code: "empty", message: `No key was given: ${PASTE_WHOLE}. Make it with ${EXPORT_PUBLIC}.` };
  }
  if (text.length > MAX_KEY_TEXT_LENGTH) {
    return { code: "too_large", message: `This is ${text.length} characters; a PEM public key is well under 2,000. Upload only the public key file.` };
  }
  const ssh = SSH_KEY.exec(trimmed)?.[1] ?? (trimmed.startsWith("---- BEGIN SSH2 PUBLIC KEY ----") ? "SSH2" : null);
  if (ssh) {
    return {
      code: "ssh_public_key",
      message:
        `This is an SSH public key (${ssh}), not PEM. If it is an RSA key, convert it with ` +
        "`ssh-keygen -e -m PKCS8 -f user.pub > user.pub.pem` and upload user.pub.pem; token-sign needs an RSA key of 2048 to 4096 bits.",
    };
  }
  if (scan.beginCount === 0) {
    const bareBody = /^MI[A-Za-z0-9+/]{40,}/.test(trimmed);
    return {
      code: "no_pem",
      message: bareBody
        ? `This looks like the base64 body of a key without its BEGIN and END lines: ${PASTE_WHOLE}.`
        : `This is not a PEM public key: no -----BEGIN PUBLIC KEY----- line was found. Export the key with ${EXPORT_PUBLIC} and ${PASTE_WHOLE}.`,
    };
  }
  if (scan.beginCount > 1) {
    return {
      code: "several_blocks",
      message: `This holds ${scan.beginCount}${scan.beginCount >= MAX_BEGINS ? " or more" : ""} PEM blocks (${scan.labels.join(", ")}${scan.beginCount >= MAX_BEGINS ? ", …" : ""}); upload exactly one -----BEGIN PUBLIC KEY----- block.`,
    };
  }
  const block = scan.blocks[0];
  if (!block) {
    const label = scan.labels[0];
    return { code: "truncated", message: `The ${label} block has no matching -----END ${label}----- line: the paste looks cut off. Please ${PASTE_WHOLE}.` };
  }
  return refuseLabel(block) ?? block;
}

function refuseLabel(block: PemBlock): KeyTextRefusal | null {
  switch (block.label) {
    case "PUBLIC KEY":
    case "RSA PUBLIC KEY":
      return null;
    case "CERTIFICATE":
    case "TRUSTED CERTIFICATE":
    case "X509 CERTIFICATE":
      return {
        code: "certificate",
        message:
          "This is a certificate, not a public key: extract the key with `openssl x509 -in cert.pem -pubkey -noout > key.pub.pem` and upload key.pub.pem.",
      };
    case "CERTIFICATE REQUEST":
    case "NEW CERTIFICATE REQUEST":
      return {
        code: "certificate_request",
        message:
          "This is a certificate signing request, not a public key: extract the key with `openssl req -in req.pem -pubkey -noout > key.pub.pem` and upload key.pub.pem.",
      };
    default:
      return {
        code: "not_public_key",
        message: `This is a -----BEGIN ${/^[A-Z0-9 ]{1,40}$/.test(block.label) ? block.label : "?"}----- block, not a public key. Export the public key with ${EXPORT_PUBLIC}.`,
      };
  }
}
