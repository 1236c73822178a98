import { describe, expect, it } from 'vitest';
import { clipText, MAX_TITLE_CHARS, titleFor, toCellText } from './text';

describe('cell text', () => {
  it('renders empty values as empty strings and numbers as digits', () => {
    expect(toCellText(null)).toBe('');
    expect(toCellText(undefined)).toBe('');
    expect(toCellText(42)).toBe('42');
    expect(toCellText(Number.NaN)).toBe('');
    expect(toCellText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });

  it('clips long text with an ellipsis and leaves short text alone', () => {
    expect(clipText('abcdef', 3)).toBe('abc…');
    expect(clipText('abc', 3)).toBe('abc');
  });

  it('never splits a surrogate pair', () => {
    const text = `ab${'😀'}cd`;
    expect(clipText(text, 3)).toBe('ab…');
    expect(clipText(text, 4)).toBe('ab😀…');
  });
});

describe('titles', () => {
  it('gives no title to text that fits', () => {
    expect(titleFor('alice', 200)).toBeUndefined();
  });

  it('gives the full value to text that is likely cut', () => {
    const text = 'a rather long display name that will not fit';
    expect(titleFor(text, 120)).toBe(text);
  });

  it('caps the title of a huge value', () => {
    const title = titleFor('x'.repeat(100_000), 120);
    expect(title?.length).toBe(MAX_TITLE_CHARS + 1);
    expect(title?.endsWith('…')).toBe(true);
  });
});
