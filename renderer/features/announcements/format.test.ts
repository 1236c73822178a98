import { describe, expect, it } from 'vitest';
import { formatEstimate, fromLocalInput, toLocalInput } from './format';

describe('formatEstimate', () => {
  it('rounds to the unit that reads best', () => {
    expect(formatEstimate(200)).toBe('under a second');
    expect(formatEstimate(4_400)).toBe('about 4 s');
    expect(formatEstimate(200_000)).toBe('about 3 min');
    expect(formatEstimate(80 * 60_000)).toBe('about 80 min');
    expect(formatEstimate(200 * 60_000)).toBe('about 3 h 20 min');
  });
});

describe('datetime-local values', () => {
  it('round-trip to the minute, and refuse incomplete input', () => {
    const at = Date.UTC(2026, 2, 3, 14, 30);
    expect(fromLocalInput(toLocalInput(at))).toBe(at);
    expect(fromLocalInput('2026-03-0')).toBeNull();
    expect(fromLocalInput('')).toBeNull();
  });
});
