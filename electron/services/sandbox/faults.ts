import { z } from 'zod';
import { mix, sfc32, STREAM, type Rng } from './prng';

const rate = z.number().min(0).max(1);
/** How many more times the fault may fire; null for no limit. Lets a test ask for "one 429, then normal". */
const times = z.number().int().min(0).nullable();

const knob = <S extends z.ZodRawShape>(extra: S) => z.object({ rate, times, ...extra });

/**
 * Each fault fires on a share (`rate`) of API requests, drawn from its own seeded
 * sequence, so the same seed and the same requests give the same faults.
 */
export const faultConfigSchema = z.object({
  /** 429 with Retry-After (header, seconds) and `retry_after_ms` (body) for one scope. */
  rateLimit: knob({ scope: z.enum(['global', 'account', 'target']), retryAfterMs: z.number().int().min(0).max(600_000) }),
  /** 500, 502 or 503, sometimes with an HTML body as a proxy would send. */
  serverError: knob({}),
  /** The request is held without an answer until the client gives up. */
  timeout: knob({}),
  /** The answer comes after `delayMs`. */
  slow: knob({ delayMs: z.number().int().min(0).max(120_000) }),
  /** The token expires: every API call gets 401 until a new one is issued. */
  expireAuth: knob({}),
  /** Just before our decision lands, another admin decides the same item. */
  handledElsewhere: knob({}),
  /** A 200 whose body is truncated or has wrongly typed fields. */
  garbled: knob({}),
  /** A push takes effect, then the connection drops before the answer: the case reconcile exists for. */
  dropAfterApply: knob({}),
});

export type FaultConfig = z.infer<typeof faultConfigSchema>;
export type FaultName = keyof FaultConfig;
export const FAULT_NAMES = Object.keys(faultConfigSchema.shape) as FaultName[];

const knobs = faultConfigSchema.shape;
/** A change to some knobs; fields left out keep their value. */
export const faultPatchSchema = z
  .object({
    rateLimit: knobs.rateLimit.partial().strict().optional(),
    serverError: knobs.serverError.partial().strict().optional(),
    timeout: knobs.timeout.partial().strict().optional(),
    slow: knobs.slow.partial().strict().optional(),
    expireAuth: knobs.expireAuth.partial().strict().optional(),
    handledElsewhere: knobs.handledElsewhere.partial().strict().optional(),
    garbled: knobs.garbled.partial().strict().optional(),
    dropAfterApply: knobs.dropAfterApply.partial().strict().optional(),
  })
  .strict();
export type FaultPatch = { readonly [K in FaultName]?: Partial<FaultConfig[K]> };

export const NO_FAULTS: FaultConfig = {
  rateLimit: { rate: 0, times: null, scope: 'account', retryAfterMs: 1_000 },
  serverError: { rate: 0, times: null },
  timeout: { rate: 0, times: null },
  slow: { rate: 0, times: null, delayMs: 1_500 },
  expireAuth: { rate: 0, times: null },
  handledElsewhere: { rate: 0, times: null },
  garbled: { rate: 0, times: null },
  dropAfterApply: { rate: 0, times: null },
};

export class FaultInjector {
  private config: FaultConfig;
  private readonly streams = new Map<FaultName, Rng>();

  constructor(
    private readonly seed: number,
    patch: FaultPatch = {},
  ) {
    this.config = applyFaultPatch(NO_FAULTS, patch);
  }

  get current(): FaultConfig {
    return this.config;
  }

  update(patch: FaultPatch): FaultConfig {
    this.config = applyFaultPatch(this.config, patch);
    return this.config;
  }

  /** Whether fault `name` fires now. Draws from the fault's own sequence only when it is armed. */
  fires(name: FaultName): boolean {
    const knob = this.config[name];
    if (knob.rate <= 0 || knob.times === 0) return false;
    if (this.stream(name)() >= knob.rate) return false;
    if (knob.times !== null) this.config = { ...this.config, [name]: { ...knob, times: knob.times - 1 } };
    return true;
  }

  /** A deterministic choice within a fault (which 5xx, which kind of garbling). */
  variant(name: FaultName, choices: number): number {
    return Math.floor(this.stream(name)() * choices);
  }

  private stream(name: FaultName): Rng {
    let rng = this.streams.get(name);
    if (!rng) {
      const k = FAULT_NAMES.indexOf(name);
      rng = sfc32(mix(this.seed, STREAM.faults, k, 1), mix(this.seed, STREAM.faults, k, 2), mix(this.seed, STREAM.faults, k, 3), mix(this.seed, STREAM.faults, k, 4));
      this.streams.set(name, rng);
    }
    return rng;
  }
}

export function applyFaultPatch(base: FaultConfig, patch: FaultPatch): FaultConfig {
  const next = { ...base } as Record<FaultName, object>;
  for (const name of FAULT_NAMES) if (patch[name]) next[name] = { ...base[name], ...patch[name] };
  return faultConfigSchema.parse(next);
}
