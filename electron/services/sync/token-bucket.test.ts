import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('allows a burst, then one call per 1/rate, refilling up to the burst only', () => {
    const bucket = new TokenBucket({ perSecond: 2, burst: 3 }, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.readyAt(0)).toBe(500);
    expect(bucket.take(499)).toBe(false);
    expect(bucket.take(500)).toBe(true);
    // A long idle period refills to the burst, never beyond.
    expect(bucket.readyAt(60_000)).toBe(60_000);
    expect([1, 2, 3, 4].map(() => bucket.take(60_000))).toEqual([true, true, true, false]);
  });

  it('takes per-minute rates as fractions of a second', () => {
    const bucket = new TokenBucket({ perSecond: 20 / 60, burst: 1 }, 0);
    bucket.take(0);
    expect(bucket.readyAt(0)).toBe(3_000);
  });

  it('stays closed until a Retry-After passes, then lets exactly one call through', () => {
    const bucket = new TokenBucket({ perSecond: 10, burst: 10 }, 0);
    bucket.pause(2_000);
    expect(bucket.readyAt(0)).toBe(2_000);
    expect(bucket.take(1_999)).toBe(false);
    expect(bucket.take(2_000)).toBe(true);
    expect(bucket.take(2_000)).toBe(false);
    expect(bucket.readyAt(2_000)).toBe(2_100);
    bucket.pause(1_000);
    expect(bucket.readyAt(2_000)).toBe(2_100);
  });

  it('halves its rate per live 429 down to a floor, and recovers after the hold', () => {
    const bucket = new TokenBucket({ perSecond: 8, burst: 1 }, 0, { factor: 0.5, floor: 1 / 4, holdMs: 10_000 });
    bucket.tighten(0);
    expect(bucket.rate(0)).toBe(4);
    bucket.tighten(0);
    bucket.tighten(0);
    expect(bucket.rate(0)).toBe(2);
    expect(bucket.rate(9_999)).toBe(2);
    expect(bucket.rate(10_000)).toBe(8);
  });

  it('never limits a pause-only bucket (infinite rate) except while paused', () => {
    const bucket = new TokenBucket({ perSecond: Number.POSITIVE_INFINITY, burst: 1 }, 0);
    expect(Array.from({ length: 100 }, () => bucket.take(0)).every(Boolean)).toBe(true);
    bucket.pause(50);
    expect(bucket.readyAt(10)).toBe(50);
    expect(bucket.take(50)).toBe(true);
    expect(bucket.take(50)).toBe(true);
  });
});
