import { describe, expect, it } from 'vitest';
import { formatAge, formatCount, formatDuration } from './format';

describe('format', () => {
  it('compacts counts', () => {
    expect([formatCount(999), formatCount(1200), formatCount(12_345), formatCount(1_000_000)]).toEqual(['999', '1.2k', '12k', '1M']);
  });
  it('says how long ago', () => {
    const now = 1_700_000_000_000;
    expect(formatAge(now - 5_000, now)).toBe('just now');
    expect(formatAge(now - 3 * 60_000, now)).toMatch(/^3 ?m(in)?\.? ago$/);
    expect(formatAge(now - 2 * 86_400_000, now)).toMatch(/^2 ?d(ays?)?\.? ago$/);
  });
  it('measures account ages', () => {
    expect(formatDuration(400 * 86_400_000)).toBe('1 y');
    expect(formatDuration(45 * 86_400_000)).toBe('1 mo');
    expect(formatDuration(-5)).toBe('0 d');
  });
});
