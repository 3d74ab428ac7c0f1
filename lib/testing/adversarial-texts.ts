// Texts built to make a scanner backtrack or rescan (each one made a check of this console quadratic before
// issue 8), and an ordinary text of the same size: the test and `npm run bench` compare the two.

const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

export function adversarialTexts(size: number): Record<string, string> {
  return {
    "BEGIN without PRIVATE KEY": fill("BEGIN ", size),
    "JWK \"kty\" without \"d\"": fill('"kty":', size),
    "base64 runs on one line": fill(`${"A".repeat(32)} `, size),
    "unterminated PEM blocks": fill("-----BEGIN PUBLIC KEY-----\n", size),
    "PEM labels with no end": fill("-----BEGIN A-----", size),
    "whitespace then a letter": fill(" ", size - 1) + "x",
  };
}

/** What a large legitimate paste looks like: a JSON token file's lines of base64. */
export function ordinaryText(size: number): string {
  const line = `    { "unsigned": "${"Qk".repeat(22)}", "signed": "${"c2ln".repeat(86)}" },\n`;
  return fill(line, size);
}

/** What a large legitimate paste into a key field looks like: a bundle of PEM public keys or certificates. */
export function ordinaryPemBundle(size: number): string {
  const body = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA".padEnd(392, "q").match(/.{1,64}/g)!.join("\n");
  return fill(`-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----\n`, size);
}
