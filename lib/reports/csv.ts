import "server-only";

export type Cell = string | number | boolean | null | undefined;

/**
 * One CSV cell, always quoted (RFC 4180). A text that a spreadsheet would run as a formula (=, +, -, @,
 * tab, carriage return first) gets a leading apostrophe, as OWASP advises against CSV injection.
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '""';
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export const csvLine = (cells: Cell[]) => `${cells.map(csvCell).join(",")}\r\n`;
