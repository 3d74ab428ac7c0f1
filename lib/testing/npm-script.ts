import { spawn } from "node:child_process";

export type ScriptRun = { code: number | null; stdout: string; stderr: string; envelope?: { error_code: number; data: any } };

/**
 * Runs `npm run <script> -- <args>` as an operator would, against this test file's database (the
 * environment carries DATABASE_URL and DATA_DIR), with an optional standard input.
 */
export function runNpmScript(script: string, args: string[], options: { env?: Record<string, string | undefined>; input?: string } = {}): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", script, "--", ...args], { env: { ...process.env, ...options.env }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => {
      const json = stdout.slice(stdout.indexOf("\n{") + 1);
      let envelope;
      try {
        envelope = stdout.includes("\n{") ? JSON.parse(json) : undefined;
      } catch {
        envelope = undefined;
      }
      resolve({ code, stdout, stderr, envelope });
    });
    child.stdin.end(options.input ?? "");
  });
}
