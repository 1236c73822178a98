import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

const policy = { baseMs: 1_000, capMs: 300_000 };

describe('backoffDelay (full jitter)', () => {
  it('spans the whole window [0, min(cap, base * 2^attempts)) as random spans [0, 1)', () => {
    expect(backoffDelay(3, () => 0, policy)).toBe(0);
    expect(backoffDelay(3, () => 0.5, policy)).toBe(4_000);
    expect(backoffDelay(3, () => 0.999_999, policy)).toBe(7_999);
    expect(backoffDelay(0, () => 0.5, policy)).toBe(500);
  });

  it('is capped however many attempts were made', () => {
    expect(backoffDelay(9, () => 0.999_999, policy)).toBe(299_999);
    expect(backoffDelay(1_000, () => 0.5, policy)).toBe(150_000);
  });

  it('spreads retries evenly instead of bunching them at the ceiling', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const delays = Array.from({ length: 4_000 }, () => backoffDelay(4, random, policy));
    const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
    expect(Math.min(...delays)).toBeLessThan(200);
    expect(Math.max(...delays)).toBeGreaterThan(15_800);
    expect(mean).toBeGreaterThan(7_500);
    expect(mean).toBeLessThan(8_500);
  });
});
