import "server-only";

// DER DigestInfo prefixes from RFC 8017 section 9.2 (note 1): an RSASSA-PKCS1-v1_5 signature block is
// prefix || digest. Only SHA-256 is accepted; the others are listed to explain what went wrong.

export const SHA256_DIGEST_INFO_PREFIX = Buffer.from("3031300d060960864801650304020105000420", "hex");

function nist(oidLast: number, digestLength: number): Buffer {
  const oid = Buffer.from([0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, oidLast]);
  return Buffer.concat([
    Buffer.from([0x30, 0x11 + digestLength, 0x30, 0x0d]),
    oid,
    Buffer.from([0x05, 0x00, 0x04, digestLength]),
  ]);
}

const KNOWN: Array<{ name: string; prefix: Buffer; digestLength: number }> = [
  { name: "MD5", prefix: Buffer.from("3020300c06082a864886f70d020505000410", "hex"), digestLength: 16 },
  { name: "SHA-1", prefix: Buffer.from("3021300906052b0e03021a05000414", "hex"), digestLength: 20 },
  { name: "SHA-224", prefix: nist(0x04, 28), digestLength: 28 },
  { name: "SHA-256", prefix: nist(0x01, 32), digestLength: 32 },
  { name: "SHA-384", prefix: nist(0x02, 48), digestLength: 48 },
  { name: "SHA-512", prefix: nist(0x03, 64), digestLength: 64 },
  { name: "SHA-512/224", prefix: nist(0x05, 28), digestLength: 28 },
  { name: "SHA-512/256", prefix: nist(0x06, 32), digestLength: 32 },
  { name: "SHA3-224", prefix: nist(0x07, 28), digestLength: 28 },
  { name: "SHA3-256", prefix: nist(0x08, 32), digestLength: 32 },
  { name: "SHA3-384", prefix: nist(0x09, 48), digestLength: 48 },
  { name: "SHA3-512", prefix: nist(0x0a, 64), digestLength: 64 },
];

/** The block a correct signature over the 32 token bytes recovers to (51 bytes). */
export function sha256DigestInfo(digest: Buffer): Buffer {
  return Buffer.concat([SHA256_DIGEST_INFO_PREFIX, digest], SHA256_DIGEST_INFO_PREFIX.length + digest.length);
}

/** Which hash a recovered signature block names, and the digest it carries; null if it is no DigestInfo. */
export function readDigestInfo(block: Buffer): { hash: string; digest: Buffer } | null {
  for (const { name, prefix, digestLength } of KNOWN) {
    if (block.length === prefix.length + digestLength && block.subarray(0, prefix.length).equals(prefix)) {
      return { hash: name, digest: block.subarray(prefix.length) };
    }
  }
  return null;
}
