import { execFileSync } from "node:child_process";

// Ports the suite's servers listen on, chosen by the OS (port 0) so that `npm test` needs no fixed ports.
// A port is free when asked and taken a moment later by the server: a small window another program could
// take it in, which then fails the run with EADDRINUSE rather than testing the wrong server.

const ASK_THE_OS = "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";

/** A TCP port free on 127.0.0.1 right now (synchronous, so a config file or a spec's top level can use it). */
export function freePort(): number {
  return Number(execFileSync(process.execPath, ["-e", ASK_THE_OS], { encoding: "utf8" }));
}

const mine = new Map<string, number>();

/** One free port per name in this process: a spec's own server keeps its port for the spec's life. */
export function portFor(name: string): number {
  if (!mine.has(name)) mine.set(name, freePort());
  return mine.get(name)!;
}
