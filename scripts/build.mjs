// Builds the Next.js app when there is no build of the current sources.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sources = ["app", "components", "lib", "prisma/schema.prisma", "prisma/postgresql/schema.prisma", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

function sourceHash() {
  const h = createHash("sha256");
  const walk = (p) => {
    const full = path.join(root, p);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) if (!/\.test\.tsx?$/.test(name)) walk(path.join(p, name));
    } else h.update(p).update(fs.readFileSync(full));
  };
  sources.forEach(walk);
  return h.digest("hex");
}

export function buildIfStale() {
  const stamp = path.join(root, ".next", "console-source-hash");
  const want = sourceHash();
  const have = fs.existsSync(stamp) && fs.existsSync(path.join(root, ".next", "BUILD_ID")) ? fs.readFileSync(stamp, "utf8") : "";
  if (have === want) return;
  console.log("Building the console (first start, or the sources changed)…");
  execFileSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: root,
    stdio: "inherit",
    // Next.js telemetry is on unless turned off; a console for HSM operators does not phone home.
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  fs.writeFileSync(stamp, want);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfStale();
