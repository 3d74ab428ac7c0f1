import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Runs the real `hsm-console` client (cli/bin.mjs, as `npx hsm-console` does) against a real server.

export type Envelope = { error_code: 0 | 1; data: any };
export type Finished = { code: number; stdout: string; stderr: string; envelopes: Envelope[] };

const bin = path.resolve("cli/bin.mjs");

/** Splits the client's standard output into the pretty-printed envelopes it printed, one after another. */
export function envelopes(stdout: string): Envelope[] {
  return stdout
    .split(/\n(?=\{\n)/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => JSON.parse(s) as Envelope);
}

/** A person at a terminal: one folder, one session file, one console URL. */
export function operator(url: string, name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hsm-cli-${name}-`));
  const sessionFile = path.join(dir, "session.json");
  const env = { ...process.env, HSM_CONSOLE_URL: url, HSM_CONSOLE_SESSION_FILE: sessionFile, CLOUDHSM_PIN: "", CLOUDHSM_ROLE: "" };

  /** Starts the client; answer its prompts with `line()` once `waitFor()` has seen them on standard error. */
  function start(args: string[], extraEnv: Record<string, string> = {}) {
    const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env: { ...env, ...extraEnv }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    const watchers: { text: string; resolve: () => void }[] = [];
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => {
      stderr += d;
      for (const w of watchers.filter((w) => stderr.includes(w.text))) (watchers.splice(watchers.indexOf(w), 1), w.resolve());
    });
    const parsed = () => {
      try {
        return envelopes(stdout);
      } catch {
        return []; // not only envelopes (help text): the test splits the output itself
      }
    };
    const done = new Promise<Finished>((resolve) => child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr, envelopes: parsed() })));
    return {
      waitFor: (text: string) =>
        stderr.includes(text) ? Promise.resolve() : new Promise<void>((resolve, reject) => {
          watchers.push({ text, resolve });
          void done.then(() => reject(new Error(`the client ended before asking "${text}":\n${stderr}\n${stdout}`)));
        }),
      line: (text: string) => child.stdin.write(text + "\n"),
      end: () => child.stdin.end(),
      done,
    };
  }

  /** Runs one command to the end with these lines on standard input; answers the single envelope it printed. */
  async function run(args: string[], input: string[] = [], extraEnv: Record<string, string> = {}) {
    const c = start(args, extraEnv);
    for (const l of input) c.line(l);
    c.end();
    const finished = await c.done;
    if (finished.envelopes.length !== 1) throw new Error(`expected one envelope from ${args.join(" ")}:\n${finished.stdout}\n${finished.stderr}`);
    return { ...finished, envelope: finished.envelopes[0] };
  }

  return {
    dir,
    sessionFile,
    file: (name: string) => path.join(dir, name),
    read: (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")),
    write: (name: string, value: unknown) => fs.writeFileSync(path.join(dir, name), typeof value === "string" ? value : JSON.stringify(value, null, 2)),
    start,
    run,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export type Operator = ReturnType<typeof operator>;
