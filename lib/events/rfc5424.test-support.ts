// Test support (not a test file): what a SIEM's syslog input does with the console's messages.
import dgram from "node:dgram";
import net from "node:net";
import type { AddressInfo } from "node:net";

export type Syslog = { pri: number; version: number; timestamp: string; hostname: string; app: string; procid: string; msgid: string; sd: Record<string, Record<string, string>>; msg: string };

/** A strict RFC 5424 parser: header fields, structured data with escapes, the BOM before a UTF-8 message. */
export function parseRfc5424(text: string): Syslog {
  const head = /^<(\d{1,3})>(\d) (\S+) (\S+) (\S+) (\S+) (\S+) /.exec(text);
  if (!head) throw new Error(`not an RFC 5424 header: ${text.slice(0, 80)}`);
  let i = head[0].length;
  const sd: Syslog["sd"] = {};
  if (text[i] === "-") i++;
  while (text[i] === "[") {
    const id = /^\[([^ =\]"]+)/.exec(text.slice(i))!;
    i += id[0].length;
    const params: Record<string, string> = {};
    while (text[i] === " ") {
      const name = /^ ([^ =\]"]+)="/.exec(text.slice(i));
      if (!name) throw new Error(`bad SD-PARAM at ${i}`);
      i += name[0].length;
      let value = "";
      for (; text[i] !== '"'; i++) {
        if (i >= text.length) throw new Error("unterminated PARAM-VALUE");
        if (text[i] === "\\" && '"\\]'.includes(text[i + 1])) i++;
        else if (text[i] === "]") throw new Error("unescaped ] in PARAM-VALUE");
        value += text[i];
      }
      i++;
      params[name[1]] = value;
    }
    if (text[i] !== "]") throw new Error(`SD-ELEMENT not closed at ${i}`);
    i++;
    sd[id[1]] = params;
  }
  if (text[i] !== " ") throw new Error("no space before MSG");
  const msg = text.slice(i + 1);
  if (!msg.startsWith("\uFEFF")) throw new Error("MSG without the UTF-8 BOM");
  const [, pri, version, timestamp, hostname, app, procid, msgid] = head;
  return { pri: Number(pri), version: Number(version), timestamp, hostname, app, procid, msgid, sd, msg: msg.slice(1) };
}

/** A TCP listener that splits the stream by octet counting (RFC 6587 3.4.1): "<length> <message>". */
export async function tcpListener() {
  const messages: string[] = [];
  const server = net.createServer((socket) => {
    let buffer = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const space = buffer.indexOf(0x20);
        if (space < 0) return;
        const length = Number(buffer.subarray(0, space).toString("ascii"));
        if (!/^[1-9]\d*$/.test(buffer.subarray(0, space).toString("ascii"))) throw new Error("octet count is not a number");
        if (buffer.length < space + 1 + length) return;
        messages.push(buffer.subarray(space + 1, space + 1 + length).toString("utf8"));
        buffer = buffer.subarray(space + 1 + length);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`, messages, close: () => new Promise((r) => server.close(r)) };
}

export async function udpListener() {
  const messages: string[] = [];
  const socket = dgram.createSocket("udp4");
  socket.on("message", (m) => messages.push(m.toString("utf8")));
  await new Promise<void>((r) => socket.bind(0, "127.0.0.1", r));
  return { url: `udp://127.0.0.1:${socket.address().port}`, messages, close: () => new Promise((r) => socket.close(() => r(undefined))) };
}
