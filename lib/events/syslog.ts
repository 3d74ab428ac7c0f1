import "server-only";
import dgram from "node:dgram";
import net from "node:net";
import os from "node:os";
import type { EventPayload } from "./payload";

// RFC 5424 with facility 13 ("log audit"): notice for a success, warning for a failure.
const FACILITY = 13;
// 32473 is the private enterprise number RFC 5612 reserves for documentation and examples.
const SD_ID = "audit@32473";

const sdEscape = (v: string) => v.replace(/[\\"\]]/g, (c) => `\\${c}`);
const header = (v: string | null | undefined, max: number) => (v ? v.replace(/[^\x21-\x7e]/g, "_").slice(0, max) : "-");

/** One RFC 5424 message: the structured data names the event, the message is the event's JSON. */
export function syslogMessage(p: EventPayload, hostname = os.hostname(), pid = process.pid): string {
  const pri = FACILITY * 8 + (p.outcome === "success" ? 5 : 4);
  const params: [string, string | number | null | undefined][] = [
    ["id", p.id], ["cluster", p.cluster_id ?? p.chain], ["seq", p.seq], ["actor", p.actor?.username], ["target", p.target], ["outcome", p.outcome],
  ];
  const sd = `[${SD_ID} ${params.filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => `${k}="${sdEscape(String(v))}"`).join(" ")}]`;
  return `<${pri}>1 ${p.time} ${header(hostname, 255)} hsm-console ${pid} ${header(p.type, 32)} ${sd} \uFEFF${JSON.stringify(p)}`;
}

/** Sends one message: octet-counted framing on TCP (RFC 6587 3.4.1), one datagram on UDP (RFC 5426). */
export async function sendSyslog(url: string, message: string, timeoutMs: number): Promise<void> {
  const { protocol, hostname, port } = new URL(url);
  const bytes = Buffer.from(message, "utf8");
  if (protocol === "udp:") {
    const socket = dgram.createSocket(net.isIPv6(hostname.replace(/^\[|\]$/g, "")) ? "udp6" : "udp4");
    try {
      await new Promise<void>((resolve, reject) => socket.send(bytes, Number(port), hostname.replace(/^\[|\]$/g, ""), (e) => (e ? reject(e) : resolve())));
    } finally {
      socket.close();
    }
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host: hostname.replace(/^\[|\]$/g, ""), port: Number(port) });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer from the syslog server within ${timeoutMs} ms`)));
    socket.once("error", reject);
    // TCP syslog has no acknowledgement: delivered means handed to the connection and closed cleanly.
    socket.once("connect", () => socket.end(Buffer.concat([Buffer.from(`${bytes.length} `), bytes]), () => (socket.destroy(), resolve())));
  });
}
