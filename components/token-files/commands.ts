// The commands the console shows for signing a token file. They are the documented cloudhsm-cli
// procedure: each token is already a SHA-256 digest, signed as it is with `pkeyutl -pkeyopt digest:sha256`.

export const SIGN = (n: number) => `openssl pkeyutl -sign -inkey user.key -pkeyopt digest:sha256 -keyform PEM -in token${n}.bin -out token${n}.sig.bin`;
export const VERIFY = (n: number) =>
  `openssl pkeyutl -verify -pubin -inkey user.pub.pem -pkeyopt digest:sha256 -in token${n}.bin -sigfile token${n}.sig.bin`;

export function tokenCommands(unsigned: string, n: number, os: "linux" | "macos"): string {
  const decode = os === "linux" ? "base64 -d" : "base64 -D";
  const encode = os === "linux" ? `base64 -w0 token${n}.sig.bin` : `base64 -i token${n}.sig.bin`;
  return [`echo '${unsigned}' | ${decode} > token${n}.bin`, SIGN(n), encode].join("\n");
}

/** A POSIX shell script that signs every token of this file and writes the signed file (openssl does the base64, so it runs the same on Linux and macOS). */
export function posixScript(unsigned: string[], signedName: string): string {
  const lines = [
    "#!/bin/sh",
    `# Signs the ${unsigned.length} token(s) of this token file with your private key and writes ${signedName}.`,
    "# Usage: sh sign-tokens.sh user.key",
    "set -eu",
    'KEY="${1:-user.key}"',
    "sign() {",
    "  printf '%s' \"$1\" | openssl base64 -d -A > token.bin",
    '  openssl pkeyutl -sign -inkey "$KEY" -pkeyopt digest:sha256 -keyform PEM -in token.bin -out token.sig.bin',
    "  openssl base64 -A -in token.sig.bin",
    "}",
    ...unsigned.map((u, i) => `S${i + 1}=$(sign '${u}')`),
    `cat > ${signedName} <<EOF`,
    '{ "version": "2.0", "tokens": [',
    ...unsigned.map((u, i) => `  { "unsigned": "${u}", "signed": "$S${i + 1}" }${i < unsigned.length - 1 ? "," : ""}`),
    "] }",
    "EOF",
    "rm -f token.bin token.sig.bin",
    `echo "Wrote ${signedName}: upload it to the console."`,
  ];
  return lines.join("\n") + "\n";
}

/** The same for Windows PowerShell, reading the downloaded file (OpenSSL for Windows on the PATH). */
export function powershellScript(fileName: string, signedName: string): string {
  return [
    "# Signs every token of the token file with your private key. Usage: .\\sign-tokens.ps1 -Key user.key",
    'param([string]$Key = "user.key")',
    '$ErrorActionPreference = "Stop"',
    `$file = Get-Content -Raw "${fileName}" | ConvertFrom-Json`,
    "foreach ($t in $file.tokens) {",
    '  [IO.File]::WriteAllBytes("$PWD\\token.bin", [Convert]::FromBase64String($t.unsigned))',
    "  & openssl pkeyutl -sign -inkey $Key -pkeyopt digest:sha256 -keyform PEM -in token.bin -out token.sig.bin",
    '  if ($LASTEXITCODE -ne 0) { throw "openssl could not sign: check the key file" }',
    '  $t.signed = [Convert]::ToBase64String([IO.File]::ReadAllBytes("$PWD\\token.sig.bin"))',
    "}",
    `$file | ConvertTo-Json -Depth 5 | Set-Content -Encoding ascii "${signedName}"`,
    "Remove-Item token.bin, token.sig.bin",
    `Write-Host "Wrote ${signedName}: upload it to the console."`,
  ].join("\n") + "\n";
}

export const signedFileName = (fileName: string) => fileName.replace(/\.json$/, "-signed.json");
