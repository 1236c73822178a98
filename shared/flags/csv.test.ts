import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('CSV', () => {
  it('quotes every field and doubles quotes; line breaks stay inside the quotes', () => {
    expect(toCsv(['a', 'b'], [['x "y"', 'line\nbreak'], [1, null]])).toBe('"a","b"\r\n"x ""y""","line\nbreak"\r\n"1",""\r\n');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe('"\'+1"');
    expect(csvField('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvField(-3)).toBe('"-3"');
  });
});
