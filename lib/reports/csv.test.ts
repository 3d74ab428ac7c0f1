import assert from "node:assert/strict";
import { test } from "node:test";
import { csvCell, csvLine } from "./csv";

test("CSV cells are quoted, and a text a spreadsheet would run as a formula is defused", () => {
  assert.equal(csvCell("alice"), '"alice"');
  assert.equal(csvCell('say "hi", then go'), '"say ""hi"", then go"');
  for (const lead of ["=", "+", "-", "@", "\t", "\r"]) assert.equal(csvCell(`${lead}1+1`), `"'${lead}1+1"`);
  assert.equal(csvCell("=HYPERLINK(\"http://x\")"), '"\'=HYPERLINK(""http://x"")"');
  assert.equal(csvCell("line\nbreak"), '"line\nbreak"');
  assert.equal(csvCell(-1), '"-1"'); // numbers are data, not formulas
  assert.equal(csvCell(null), '""');
  assert.equal(csvCell(false), '"false"');
  assert.equal(csvLine(["a", 1, null]), '"a","1",""\r\n');
});
