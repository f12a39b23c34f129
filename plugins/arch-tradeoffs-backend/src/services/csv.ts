/** A CSV cell: numbers as-is, text quoted when it must be. */
type Cell = string | number | boolean | null | undefined;

/**
 * RFC 4180 CSV. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or carriage
 * return first: OWASP's list for CSV injection) is prefixed with an apostrophe: catalog titles, group
 * names and decision reasons are user input.
 */
export function toCsv(header: string[], rows: Cell[][]): string {
  return `${[header, ...rows].map(row => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
