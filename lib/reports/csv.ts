import "server-only";

export type Cell = string | number | boolean | null | undefined;

/**
 * One CSV cell, always quoted (RFC 4180). A text that a spreadsheet would run as a formula (=, +, -, @,
 * tab, carriage return first) gets a leading apostrophe, as OWASP advises against CSV injection.
 */
const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r"]);

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '""';
  let s = String(value);
  if (typeof value === "string" && FORMULA_START.has(s[0])) s = `'${s}`;
  return `"${s.includes('"') ? s.replace(/"/g, '""') : s}"`;
}

export const csvLine = (cells: Cell[]) => `${cells.map(csvCell).join(",")}\r\n`;
