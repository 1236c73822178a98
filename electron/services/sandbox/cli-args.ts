import { parseArgs } from 'node:util';
import type { FaultPatch } from './faults';
import { SANDBOX_RATE_LIMITS } from './rate-limits';
import type { SandboxServerOptions } from './server';
import { NO_TRICKLE, type TrickleRates } from './world/trickle';
import { MAX_VOLUME } from './world/world';

export const USAGE = `Usage: npm run sandbox -- [options]
  --port N                         port on 127.0.0.1 (default 0: any free port)
  --seed S                         world seed, number or text (default 1)
  --volume V                       pending join requests, up to ${MAX_VOLUME} (default 2000)
  --reports R                      open reports (default 15% of volume)
  --token T                        use this launch token instead of a random one
  --rate-limits                    enforce 20 req/s per token and 1 announcement/s per community
  --no-trickle                     no new activity over time
  --trickle-join-per-min X         new join requests per minute (default 6)
  --trickle-reports-per-min X      new reports per minute (default 1)
  --trickle-elsewhere-per-min X    requests decided by another admin per minute (default 1)
  --trickle-withdrawals-per-min X  requests withdrawn per minute (default 0.5)
  --trickle-messages-per-min X     ordinary messages posted per minute (default 12)
  --fault-429 RATE                 share of API requests answered 429 (0..1)
  --fault-429-scope SCOPE          global | account | target (default account)
  --fault-429-retry-ms MS          Retry-After of injected 429s (default 1000)
  --fault-5xx RATE                 share answered 500/502/503
  --fault-timeout RATE             share held until the client gives up
  --fault-slow RATE                share answered late
  --fault-slow-ms MS               delay of slow answers (default 1500)
  --fault-expire-auth RATE         chance per request that the token expires
  --fault-handled-elsewhere RATE   share of decisions beaten by another admin
  --fault-garbled RATE             share of answers truncated or wrongly typed
  --fault-drop RATE                share of pushes applied but never answered`;

const OPTIONS = {
  port: { type: 'string' },
  seed: { type: 'string' },
  volume: { type: 'string' },
  reports: { type: 'string' },
  token: { type: 'string' },
  'rate-limits': { type: 'boolean' },
  'no-trickle': { type: 'boolean' },
  'trickle-join-per-min': { type: 'string' },
  'trickle-reports-per-min': { type: 'string' },
  'trickle-elsewhere-per-min': { type: 'string' },
  'trickle-withdrawals-per-min': { type: 'string' },
  'trickle-messages-per-min': { type: 'string' },
  'fault-429': { type: 'string' },
  'fault-429-scope': { type: 'string' },
  'fault-429-retry-ms': { type: 'string' },
  'fault-5xx': { type: 'string' },
  'fault-timeout': { type: 'string' },
  'fault-slow': { type: 'string' },
  'fault-slow-ms': { type: 'string' },
  'fault-expire-auth': { type: 'string' },
  'fault-handled-elsewhere': { type: 'string' },
  'fault-garbled': { type: 'string' },
  'fault-drop': { type: 'string' },
  help: { type: 'boolean' },
} as const;

export class UsageError extends Error {}

function number(name: string, raw: string | undefined, min: number, max: number, integer = false): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value)))
    throw new UsageError(`--${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got "${raw}"`);
  return value;
}

/** Drops undefined fields, so a flag left out keeps the default. */
const defined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

export function parseCliArgs(argv: readonly string[]): SandboxServerOptions | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const text = (name: string) => values[name] as string | undefined;
  const rate = (name: string) => number(name, text(name), 0, 1);
  const perMinute = (name: string) => number(name, text(name), 0, 60_000);

  const scope = text('fault-429-scope');
  if (scope !== undefined && scope !== 'global' && scope !== 'account' && scope !== 'target')
    throw new UsageError(`--fault-429-scope must be global, account or target, got "${scope}"`);
  const knob = <T extends object>(fields: T) => (Object.keys(defined(fields)).length > 0 ? defined(fields) : undefined);
  const faults: FaultPatch = defined({
    rateLimit: knob({ rate: rate('fault-429'), scope, retryAfterMs: number('fault-429-retry-ms', text('fault-429-retry-ms'), 0, 600_000, true) }),
    serverError: knob({ rate: rate('fault-5xx') }),
    timeout: knob({ rate: rate('fault-timeout') }),
    slow: knob({ rate: rate('fault-slow'), delayMs: number('fault-slow-ms', text('fault-slow-ms'), 0, 120_000, true) }),
    expireAuth: knob({ rate: rate('fault-expire-auth') }),
    handledElsewhere: knob({ rate: rate('fault-handled-elsewhere') }),
    garbled: knob({ rate: rate('fault-garbled') }),
    dropAfterApply: knob({ rate: rate('fault-drop') }),
  });
  const trickle: Partial<TrickleRates> = values['no-trickle']
    ? NO_TRICKLE
    : defined({
        joinRequestsPerMinute: perMinute('trickle-join-per-min'),
        reportsPerMinute: perMinute('trickle-reports-per-min'),
        handledElsewherePerMinute: perMinute('trickle-elsewhere-per-min'),
        withdrawalsPerMinute: perMinute('trickle-withdrawals-per-min'),
        messagesPerMinute: perMinute('trickle-messages-per-min'),
      });
  const seed = text('seed');
  return defined({
    port: number('port', text('port'), 0, 65_535, true),
    seed: seed !== undefined && /^\d+$/.test(seed) ? Number(seed) : seed,
    volume: number('volume', text('volume'), 0, MAX_VOLUME, true),
    reports: number('reports', text('reports'), 0, MAX_VOLUME, true),
    token: text('token'),
    rateLimits: values['rate-limits'] ? SANDBOX_RATE_LIMITS : undefined,
    trickle,
    faults,
  });
}
