import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './stats';

describe('bench statistics', () => {
  it('interpolates percentiles between order statistics', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([10], 0.95)).toBe(10);
    expect(percentile([0, 100], 0.95)).toBeCloseTo(95);
  });

  it('takes the slow tail as p95: high for times, low for throughputs', () => {
    const samples = Array.from({ length: 101 }, (_, i) => i);
    expect(summarize(samples, 'lower').p95).toBe(95);
    expect(summarize(samples, 'higher').p95).toBe(5);
    expect(summarize(samples).median).toBe(50);
  });

  it('refuses to summarise nothing', () => {
    expect(() => percentile([], 0.5)).toThrow(RangeError);
  });
});
