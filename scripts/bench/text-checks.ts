// Every scan of untrusted text, on a 64 KiB input built to make it backtrack or rescan, against the same
// scan of an ordinary 64 KiB paste (a token file's lines), in the same run. Target: at most 2× (issue 8).
import { scanPem } from "../../lib/keys/pem-blocks";
import { looksLikePrivateKey } from "../../lib/keys/private-key";
import { parsePublicKeyPem } from "../../lib/keys/public-key";
import { adversarialTexts, ordinaryPemBundle, ordinaryText } from "../../lib/testing/adversarial-texts";
import { parseJsonText } from "../../lib/token-files/json-text";
import { compare, report, type Result } from "./measure";

const SIZE = 64 * 1024;
// Each check against the ordinary input of its own field: a token file for the token-file checks, a bundle
// of PEM blocks (a certificate chain pasted whole) for the PEM checks.
const checks: Record<string, [(text: string) => unknown, "a token file" | "a PEM bundle"]> = {
  looksLikePrivateKey: [looksLikePrivateKey, "a token file"],
  parseJsonText: [parseJsonText, "a token file"],
  scanPem: [scanPem, "a PEM bundle"],
  parsePublicKeyPem: [parsePublicKeyPem, "a PEM bundle"],
};

export async function benchTextChecks() {
  const rows: Result[] = [];
  for (const [name, [check, kind]] of Object.entries(checks)) {
    const ordinary = kind === "a token file" ? ordinaryText(SIZE) : ordinaryPemBundle(SIZE);
    let worst: Result | undefined;
    for (const [shape, hostile] of Object.entries(adversarialTexts(SIZE))) {
      // Each text differs from the last by its first character, so no cache can answer for the check.
      let n = 0;
      const vary = (t: string) => () => check(String.fromCharCode(97 + (n++ % 26)) + t.slice(1));
      const r = await compare(`${name} on "${shape}"`, `${name} on ${kind}`, vary(ordinary), vary(hostile), { batches: 9, perBatch: 10 });
      if (!worst || r.ratio > worst.ratio) worst = r;
    }
    rows.push(worst!);
  }
  report("Text checks at 64 KiB: the worst hostile input of each, against an ordinary input of its field", rows, `Target: ≤ 2.00× for every check. ${rows.every((r) => r.ratio <= 2) ? "Met." : "NOT met."}`);
  return rows;
}
