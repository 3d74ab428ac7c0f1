import { test } from "node:test";
import assert from "node:assert/strict";
import { buildUnsignedTokenFile, serializeTokenFile, type TokenFile } from "./format";
import { newToken, pair, signToken } from "./signing-test-support";
import { findUnsignedDigests, verifySignedTokenFile } from "./verify-file";

const user = pair("rsa2048");
const key = user.publicKey;

/** A file as the user would upload it: the issued tokens, each signed with user.key. */
function signedFile(tokens: Buffer[]): TokenFile {
  const file = buildUnsignedTokenFile(tokens);
  file.tokens.forEach((t, i) => (t.signed = signToken(user.privateKey, tokens[i])));
  return file;
}

test("a fully signed file verifies, as text or object, in HSM order or any other", () => {
  const expected = [newToken(), newToken(), newToken()];
  const file = signedFile(expected);
  for (const input of [file, serializeTokenFile(file), { ...file, tokens: [...file.tokens].reverse() }]) {
    const result = verifySignedTokenFile({ key, expected, file: input });
    assert.deepEqual(result.fileErrors, []);
    assert.equal(result.ok, true);
    assert.equal(result.results.length, 3);
    assert.ok(result.results.every((r) => r.ok && r.code === undefined));
  }
  const reversed = verifySignedTokenFile({ key, expected, file: { ...file, tokens: [...file.tokens].reverse() } });
  assert.equal(reversed.results[0].unsigned, expected[2].toString("base64"));
});

test("every token is reported, not only the first failure", () => {
  const expected = [newToken(), newToken(), newToken()];
  const file = signedFile(expected);
  file.tokens[0].signed = "";
  file.tokens[2].signed = signToken(pair("rsa1024").privateKey, expected[2]);
  const result = verifySignedTokenFile({ key, expected, file });
  assert.equal(result.ok, false);
  assert.deepEqual(result.results.map((r) => r.code ?? "ok"), ["empty", "ok", "wrong_length"]);
  assert.deepEqual(result.results.map((r) => r.index), [0, 1, 2]);
  assert.ok(result.results[0].fix?.includes("pkeyutl"));
  assert.deepEqual(result.fileErrors, []);
});

test("a missing token is a file error naming how many of how many", () => {
  const expected = [newToken(), newToken()];
  const file = signedFile(expected);
  file.tokens.pop();
  const result = verifySignedTokenFile({ key, expected, file });
  assert.equal(result.ok, false);
  assert.equal(result.fileErrors.length, 1);
  assert.match(result.fileErrors[0], /^The file has 1 of the 2 tokens this challenge issued: token 2 \(starts "/);
  assert.ok(result.results[0].ok);
});

test("a duplicated token and a token from another challenge are refused", () => {
  const expected = [newToken(), newToken()];
  const file = signedFile(expected);
  file.tokens.push({ ...file.tokens[1] });
  const stranger = newToken();
  file.tokens.push(signedFile([stranger]).tokens[0]);
  const result = verifySignedTokenFile({ key, expected, file });
  assert.equal(result.ok, false);
  assert.deepEqual(result.results.map((r) => r.code ?? "ok"), ["ok", "ok", "duplicate", "not_issued"]);
  assert.ok(result.fileErrors.some((e) => e.startsWith("Token 3 repeats token 2")));
  const extra = result.fileErrors.find((e) => e.startsWith("Token 4"));
  assert.ok(extra?.includes("does not belong to this sign-in/registration"), extra);
  assert.ok(extra?.includes("Download a fresh token file"), extra);
});

test("signatures put next to the wrong tokens are called out", () => {
  const expected = [newToken(), newToken()];
  const file = signedFile(expected);
  [file.tokens[0].signed, file.tokens[1].signed] = [file.tokens[1].signed, file.tokens[0].signed];
  const result = verifySignedTokenFile({ key, expected, file });
  assert.deepEqual(result.results.map((r) => r.code), ["mismatch", "mismatch"]);
  assert.match(result.results[0].message ?? "", /signature of token 2/);
  assert.match(result.results[1].message ?? "", /signature of token 1/);
});

test("a file that cannot be read gives file errors and no token results", () => {
  const result = verifySignedTokenFile({ key, expected: [newToken()], file: '{"version": "1.0"}' });
  assert.equal(result.ok, false);
  assert.deepEqual(result.results, []);
  assert.ok(result.fileErrors.some((e) => e.includes('"version" is "1.0"')));
  assert.throws(() => verifySignedTokenFile({ key, expected: [], file: "{}" }), RangeError);
});

test("findUnsignedDigests locates the tokens leniently", () => {
  const tokens = [newToken(), newToken()];
  const file = signedFile(tokens);
  assert.deepEqual(findUnsignedDigests(serializeTokenFile(file)), tokens);
  assert.deepEqual(findUnsignedDigests({ tokens: [{ unsigned: "bad" }, { unsigned: tokens[1].toString("base64"), signed: 5 }] }), [tokens[1]]);
  assert.deepEqual(findUnsignedDigests("not json"), []);
  assert.deepEqual(findUnsignedDigests(null), []);
  assert.deepEqual(findUnsignedDigests({ tokens: "x" }), []);
});

test("the fix for token 2 names token2's files, not token1's", () => {
  const expected = [newToken(), newToken()];
  const file = signedFile(expected);
  file.tokens[1].signed = "";
  const result = verifySignedTokenFile({ key, expected, file });
  const fix = result.results[1].fix ?? "";
  assert.match(fix, /> token2\.bin/);
  assert.match(fix, /-in token2\.bin -out token2\.sig\.bin/);
  assert.doesNotMatch(fix, /token1/);
});
