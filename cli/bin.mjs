#!/usr/bin/env node
// hsm-console: cloudhsm-cli's commands against the HSM console's JSON API. Single-command mode keeps the
// session in a file until logout; `hsm-console interactive` opens cloudhsm-cli's prompt.
import { interactive } from "./interactive.mjs";
import { runCommand } from "./program.mjs";
import { makePrompter } from "./prompts.mjs";
import { fileSessionStore, memorySessionStore } from "./session.mjs";

const prompt = makePrompter();
const single = { interactive: false, store: fileSessionStore(), prompt };
let status = await runCommand(single, process.argv.slice(2));
if (single.startInteractive) {
  status = await interactive({ interactive: true, defaultUrl: single.startInteractive.url, store: memorySessionStore(), prompt });
}
prompt.close();
process.exitCode = status;
