/**
 * CSV for people who open it in a spreadsheet: every cell quoted, and a cell that starts like a
 * formula (= + - @, tab, carriage return) prefixed with an apostrophe, so a report's text can
 * never run as a formula in Excel or LibreOffice (OWASP "CSV injection").
 */

/** One cell, quoted and formula-safe. Numbers and null are written plainly. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One line of cells, ending in CRLF (RFC 4180). */
export function csvLine(values: readonly (string | number | null)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
