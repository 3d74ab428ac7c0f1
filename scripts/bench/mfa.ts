// The cost of verifying a signed 8-token file the way the server does (parse the upload, import the
// stored key, verify every token with diagnostics) against raw node:crypto checks of the same 8
// signatures with a key already imported.
import { constants, createPublicKey, generateKeyPairSync, privateEncrypt, publicDecrypt, randomBytes, timingSafeEqual } from "node:crypto";
import { parsePublicKeyPem } from "../../lib/keys";
import { verifySignedTokenFile } from "../../lib/token-files";
import { compare, report } from "./measure";

const PREFIX = Buffer.from("3031300d060960864801650304020105000420", "hex");

export async function benchMfa() {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const storedPem = publicKey.export({ type: "spki", format: "pem" }) as string;
  const digests = Array.from({ length: 8 }, () => randomBytes(32));
  const blocks = digests.map((d) => Buffer.concat([PREFIX, d]));
  const signatures = blocks.map((b) => privateEncrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, b));
  const fileText = JSON.stringify({ version: "2.0", tokens: digests.map((d, i) => ({ unsigned: d.toString("base64"), signed: signatures[i].toString("base64") })) });

  const raw = () => {
    for (let i = 0; i < 8; i++) {
      const block = publicDecrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, signatures[i]);
      if (block.length !== blocks[i].length || !timingSafeEqual(block, blocks[i])) throw new Error("raw verify failed");
    }
  };
  const server = (pem: string) => () => {
    const key = parsePublicKeyPem(pem);
    if (!key.ok || !verifySignedTokenFile({ key: key.key, expected: digests, file: fileText }).ok) throw new Error("server verify failed");
  };
  let n = 0;
  // A key text the cache has never seen: what the first upload of a new key costs.
  const cold = () => server(storedPem.replace("-----END", `${"\n".repeat((n++ % 5000) + 1)}-----END`))();
  const importOnly = () => createPublicKey(storedPem);

  const rows = [
    await compare("server path, stored key (sign-in)", "raw publicDecrypt ×8", raw, server(storedPem)),
    await compare("server path, never-seen key text (registration)", "raw publicDecrypt ×8", raw, cold),
    await compare("createPublicKey(PEM) alone", "raw publicDecrypt ×8", raw, importOnly),
  ];
  report("Verifying a signed 8-token file (RSA-2048)", rows, "Target: the server path at least half as fast as raw verification (ratio ≤ 2.00).");
  return rows;
}
