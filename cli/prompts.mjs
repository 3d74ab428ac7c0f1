// Questions to the person at the keyboard. On a terminal they go through @inquirer/prompts (passwords
// without echo); when standard input is a pipe (a script, a test) each answer is the next line of it.
// Prompts are written to standard error, so that standard output holds only the JSON answers.
import { createInterface } from "node:readline";
import { input, password } from "@inquirer/prompts";
import { ClientError } from "./errors.mjs";

const quiet = { prefix: "", style: { answer: (s) => s, message: (s) => s } };

function pipedLines() {
  const queue = [];
  const waiting = [];
  let ended = false;
  const rl = createInterface({ input: process.stdin, terminal: false });
  rl.on("line", (line) => (waiting.length ? waiting.shift()(line) : queue.push(line)));
  rl.on("close", () => {
    ended = true;
    while (waiting.length) waiting.shift()(null);
  });
  return {
    next: () => (queue.length ? Promise.resolve(queue.shift()) : ended ? Promise.resolve(null) : new Promise((r) => waiting.push(r))),
    close: () => rl.close(),
  };
}

export function makePrompter() {
  const tty = Boolean(process.stdin.isTTY);
  let lines;
  const context = { output: process.stderr };

  async function fromPipe(question) {
    process.stderr.write(`${question} `);
    lines ??= pipedLines();
    const line = await lines.next();
    process.stderr.write("\n");
    if (line === null) throw new ClientError(`No answer on standard input to "${question}".`);
    return line;
  }

  return {
    tty,
    /** A line of text; `null` at the end of input (for the interactive prompt). */
    async line(question) {
      if (!tty) {
        process.stderr.write(question);
        lines ??= pipedLines();
        return lines.next();
      }
      try {
        return await input({ message: question.trimEnd(), theme: quiet }, { output: process.stdout });
      } catch (e) {
        if (e?.name === "ExitPromptError") return null;
        throw e;
      }
    },
    async text(question) {
      if (!tty) return fromPipe(question);
      return input({ message: question, theme: quiet }, context);
    },
    async secret(question) {
      if (!tty) return fromPipe(question);
      return password({ message: question, theme: quiet }, context);
    },
    /** A new password, typed twice as cloudhsm-cli asks for it. */
    async newPassword() {
      const first = await this.secret("Enter password:");
      const second = await this.secret("Confirm password:");
      if (first !== second) throw new ClientError("The two passwords do not match.");
      return first;
    },
    close: () => lines?.close(),
  };
}
