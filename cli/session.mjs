// Where the client keeps its session. Single-command mode: a file (mode 0600) that lasts until `logout`,
// like a CLI login. Interactive mode: memory, for as long as the prompt lasts.
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export function defaultSessionFile() {
  if (process.env.HSM_CONSOLE_SESSION_FILE) return process.env.HSM_CONSOLE_SESSION_FILE;
  const config =
    process.env.XDG_CONFIG_HOME ||
    (process.platform === "win32" ? process.env.APPDATA || path.join(os.homedir(), "AppData", "Roaming") : path.join(os.homedir(), ".config"));
  return path.join(config, "hsm-console", "session.json");
}

export function fileSessionStore(file = defaultSessionFile()) {
  return {
    where: file,
    load() {
      try {
        return JSON.parse(readFileSync(file, "utf8"));
      } catch {
        return null;
      }
    },
    save(session) {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(file, JSON.stringify(session, null, 2) + "\n", { mode: 0o600 });
      chmodSync(file, 0o600); // an existing file keeps its old mode otherwise
    },
    clear: () => rmSync(file, { force: true }),
  };
}

export function memorySessionStore() {
  let session = null;
  return { where: "memory", load: () => session, save: (s) => (session = s), clear: () => (session = null) };
}
