import { test } from "node:test";
import assert from "node:assert/strict";
import { pair } from "../keys/key-test-support";
import { buildUnsignedTokenFile, parseTokenFile, serializeTokenFile, type TokenFileParse } from "./format";

const t1 = Buffer.alloc(32, 1);
const t2 = Buffer.alloc(32, 2);
const good = { version: "2.0", tokens: [{ unsigned: t1.toString("base64"), signed: "" }, { unsigned: t2.toString("base64"), signed: "c2ln" }] };

function refused(result: TokenFileParse, ...words: string[]): string {
  assert.equal(result.ok, false);
  if (result.ok) return "";
  for (const word of words) assert.ok(result.message.includes(word), `"${word}" missing from: ${result.message}`);
  assert.ok(!/\bat (Object|JSON)\.|node:internal|ZodError/.test(result.message), result.message);
  return result.message;
}

test("a token file is read from JSON text, a Buffer or a parsed object", () => {
  for (const input of [JSON.stringify(good), "\uFEFF" + JSON.stringify(good, null, 2), Buffer.from(JSON.stringify(good)), good]) {
    const result = parseTokenFile(input);
    assert.ok(result.ok, !result.ok ? result.message : "");
    assert.deepEqual(result.file, good);
  }
});

test("buildUnsignedTokenFile and serializeTokenFile write cloudhsm-cli's format", () => {
  const file = buildUnsignedTokenFile([t1, t2]);
  const text = serializeTokenFile(file);
  assert.equal(
    text,
    `{\n  "version": "2.0",\n  "tokens": [\n    {\n      "unsigned": "${t1.toString("base64")}",\n      "signed": ""\n    },\n` +
      `    {\n      "unsigned": "${t2.toString("base64")}",\n      "signed": ""\n    }\n  ]\n}\n`,
  );
  const again = parseTokenFile(text);
  assert.ok(again.ok);
  assert.equal(serializeTokenFile(again.file), text);
  assert.throws(() => buildUnsignedTokenFile([Buffer.alloc(31)]), RangeError);
  assert.throws(() => buildUnsignedTokenFile([]), RangeError);
});

test("text that is not JSON is explained by position, without quoting it", () => {
  const broken = '{\n  "version": "2.0",\n  "tokens": [\n    {"unsigned": "x" "signed": "SECRETWORD"}\n  ]\n}';
  const message = refused(parseTokenFile(broken), "not valid JSON", "line 4");
  assert.ok(!message.includes("SECRETWORD"));
  refused(parseTokenFile('{"version": "2.0", "tok'), "ends too early");
  refused(parseTokenFile('{"version": "2.0", "tokens": [{"unsigned": "a", "signed": "ab\ncd"}]}'), "line break", "base64 -w0");
  refused(parseTokenFile(JSON.stringify(good) + "\n}"), 'after the closing "}"');
  refused(parseTokenFile(""), "empty");
  refused(parseTokenFile("SECRETWORD is not json"), 'starts with "{"');
  refused(parseTokenFile("-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----"), "PEM file");
});

test("a private key uploaded as a token file is called out, not quoted", () => {
  const pem = pair("rsa2048").privateKey.export({ type: "pkcs8", format: "pem" }) as string;
  const message = refused(parseTokenFile(pem), "private key", "not stored", "exposed");
  assert.ok(!message.includes(pem.split("\n")[1]));
});

test("the shape of the file is checked with a message per problem", () => {
  refused(parseTokenFile([]), "JSON object like");
  refused(parseTokenFile("42"), "JSON object like");
  refused(parseTokenFile({ tokens: good.tokens }), 'no "version"', '"2.0"');
  refused(parseTokenFile({ ...good, version: "1.0" }), '"version" is "1.0"', '"2.0"');
  refused(parseTokenFile({ ...good, version: 2 }), '"version" is 2');
  refused(parseTokenFile({ version: "2.0" }), 'no "tokens" list');
  refused(parseTokenFile({ version: "2.0", tokens: {} }), 'no "tokens" list');
  refused(parseTokenFile({ version: "2.0", tokens: [] }), "empty");
  refused(parseTokenFile({ version: "2.0", tokens: ["abc"] }), "Token 1", "object like");
  refused(parseTokenFile({ version: "2.0", tokens: [good.tokens[0], { signed: "" }] }), "Token 2", '"unsigned" must be a string');
  refused(parseTokenFile({ version: "2.0", tokens: [{ unsigned: t1.toString("base64") }] }), "Token 1", '"signed" must be a string');
  refused(parseTokenFile({ version: "2.0", tokens: [{ unsigned: "not base64!", signed: "" }] }), "Token 1", "not base64");
  refused(parseTokenFile({ version: "2.0", tokens: [{ unsigned: t1.toString("base64url"), signed: "" }] }), "not base64");
  refused(parseTokenFile({ version: "2.0", tokens: [{ unsigned: Buffer.alloc(31).toString("base64"), signed: "" }] }), "31 bytes", "32 bytes");
  const many = refused(parseTokenFile({ version: "1", tokens: [{ unsigned: 1, signed: "" }, { unsigned: "", signed: 2 }] }));
  for (const part of ['"version"', "Token 1", "Token 2"]) assert.ok(many.includes(part), many);
});
