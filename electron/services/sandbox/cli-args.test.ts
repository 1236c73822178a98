import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from './cli-args';
import { SANDBOX_RATE_LIMITS } from './rate-limits';
import { NO_TRICKLE } from './world/trickle';

describe('parseCliArgs', () => {
  it('reads the world, port and fault flags', () => {
    expect(parseCliArgs(['--port', '4100', '--seed', '42', '--volume', '100000', '--fault-429', '0.1', '--fault-429-scope', 'target', '--fault-slow-ms', '300', '--rate-limits'])).toEqual({
      port: 4100,
      seed: 42,
      volume: 100_000,
      rateLimits: SANDBOX_RATE_LIMITS,
      trickle: {},
      faults: { rateLimit: { rate: 0.1, scope: 'target' }, slow: { delayMs: 300 } },
    });
  });

  it('keeps text seeds as text and turns the trickle off on request', () => {
    expect(parseCliArgs(['--seed', 'demo', '--no-trickle'])).toEqual({ seed: 'demo', trickle: NO_TRICKLE, faults: {} });
    expect(parseCliArgs(['--trickle-join-per-min', '60'])).toMatchObject({ trickle: { joinRequestsPerMinute: 60 } });
  });

  it('refuses unknown flags and out-of-range values', () => {
    expect(() => parseCliArgs(['--bogus'])).toThrow(UsageError);
    expect(() => parseCliArgs(['--fault-5xx', '2'])).toThrow(/from 0 to 1/);
    expect(() => parseCliArgs(['--volume', '2000000'])).toThrow(UsageError);
    expect(() => parseCliArgs(['--fault-429-scope', 'planet'])).toThrow(UsageError);
    expect(parseCliArgs(['--help'])).toBe('help');
  });
});
