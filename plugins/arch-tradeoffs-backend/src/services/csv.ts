/** A CSV cell: numbers as-is, text quoted when it must be. */
export type Cell = string | number | boolean | null | undefined;

/**
 * RFC 4180 CSV. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or carriage
 * return first: OWASP's list for CSV injection) is prefixed with an apostrophe: catalog titles, group
 * names and decision reasons are user input.
 */
export function toCsv(header: string[], rows: Cell[][]): string {
  return csvLines([header, ...rows]);
}

/** Rows as CSV lines, each ended by CRLF: a part of a CSV written in pieces. */
export function csvLines(rows: Cell[][]): string {
  return rows.map(row => `${row.map(cell).join(',')}\r\n`).join('');
}

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
