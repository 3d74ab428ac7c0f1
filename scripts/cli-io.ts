// What the server-side commands (bootstrap, unlock) share: cloudhsm-cli's answer envelope, and a password
// read from the environment or standard input, never from the command line.

export function envelope(error_code: 0 | 1, data: unknown): never {
  console.log(JSON.stringify({ error_code, data }, null, 2));
  process.exit(error_code);
}

export async function readPassword(variable: string, prompt: string): Promise<string> {
  const fromEnv = process.env[variable];
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write(`${prompt}: `);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}
