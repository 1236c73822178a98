/**
 * RFC 4180 CSV: every field quoted, quotes doubled, CRLF between records. A field that
 * starts like a formula (= + - @, tab or CR) gets a leading apostrophe, so a spreadsheet
 * opening an export never runs text that a stranger wrote (CSV injection).
 */
export type CsvField = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvField): string {
  const text = value === null ? '' : String(value);
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvField[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
