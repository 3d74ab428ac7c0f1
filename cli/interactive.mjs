// `hsm-console interactive`: cloudhsm-cli's prompt. The session lives in memory and ends with the prompt.
import { parseArgsStringToArgv } from "string-argv";
import { callApi } from "./http.mjs";
import { runCommand } from "./program.mjs";

export const PROMPT = "aws-cloudhsm > ";

export async function interactive(ctx) {
  for (;;) {
    const line = await ctx.prompt.line(PROMPT);
    if (line === null) break;
    const words = parseArgsStringToArgv(line.trim());
    if (words.length === 0) continue;
    if (words[0] === "quit" || words[0] === "exit") break;
    await runCommand(ctx, words);
  }
  const session = ctx.store.load();
  if (session) await callApi(session.url, "POST", "logout", { token: session.session_token }).catch(() => undefined);
  ctx.store.clear();
  return 0;
}
