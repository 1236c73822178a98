import { ActionLog } from './action-log';
import { FaultInjector, type FaultPatch } from './faults';
import { RateLimiter, type RateLimitConfig } from './rate-limits';
import { RequestLog } from './request-log';
import { TokenStore } from './tokens';
import { DEFAULT_TRICKLE, type TrickleRates } from './world/trickle';
import type { MessageRecord } from './world/model';
import { SandboxWorld, type Feed, type PostInput } from './world/world';

export interface PlatformOptions {
  readonly seed?: number | string;
  readonly volume?: number;
  readonly reports?: number;
  /** Backlog times end here; defaults to the start time. Fix it to compare worlds made at different times. */
  readonly epochMs?: number;
  readonly clock?: () => number;
  readonly trickle?: Partial<TrickleRates>;
  readonly faults?: FaultPatch;
  /** Enforce real per-token and per-community limits (see rate-limits.ts). */
  readonly rateLimits?: RateLimitConfig | null;
  /** Use this launch token instead of a random one. */
  readonly token?: string;
  readonly hostileNameRate?: number;
}

export const DEFAULT_SEED = 1;
export const DEFAULT_VOLUME = 2_000;

/**
 * The whole simulated platform behind the HTTP server: world, faults, tokens and
 * logs. The `/_sandbox` endpoints and the programmatic helpers both act through it.
 */
export class SandboxPlatform {
  readonly tokens: TokenStore;
  readonly now: () => number;
  world!: SandboxWorld;
  faults!: FaultInjector;
  actions!: ActionLog;
  requests!: RequestLog;
  limiter!: RateLimiter | null;
  private generation = 0;

  constructor(private readonly options: PlatformOptions = {}) {
    this.now = options.clock ?? Date.now;
    this.tokens = new TokenStore(options.token);
    this.reset();
  }

  get trickle(): TrickleRates {
    return { ...DEFAULT_TRICKLE, ...this.options.trickle };
  }

  /** Back to the start: the same seed and knobs, a new world id (old cursors are refused), empty logs. */
  reset(): void {
    const startedAt = this.now();
    this.world = new SandboxWorld({
      seed: this.options.seed ?? DEFAULT_SEED,
      volume: this.options.volume ?? DEFAULT_VOLUME,
      ...(this.options.reports !== undefined ? { reports: this.options.reports } : {}),
      epochMs: this.options.epochMs ?? startedAt,
      startedAt,
      generation: this.generation++,
      trickle: this.trickle,
      ...(this.options.hostileNameRate !== undefined ? { hostileNameRate: this.options.hostileNameRate } : {}),
    });
    this.faults = new FaultInjector(this.world.seed, this.options.faults);
    this.actions = new ActionLog();
    this.requests = new RequestLog();
    this.limiter = this.options.rateLimits ? new RateLimiter(this.options.rateLimits) : null;
  }

  /** Adds items now, beyond the trickle. */
  advance(add: { joinRequests?: number; reports?: number; messages?: number }): void {
    const now = this.now();
    this.world.advanceTo(now);
    this.world.addJoinRequests(add.joinRequests ?? 0, now);
    this.world.addReports(add.reports ?? 0, now);
    this.world.addChatter(add.messages ?? 0, now);
  }

  /** A member posts a given text now; null when the community or person does not exist. */
  post(input: PostInput): MessageRecord | null {
    const now = this.now();
    this.world.advanceTo(now);
    return this.world.postMessage(input, now);
  }

  /** "Another admin" handles these items now. Returns the ids that were still open. */
  handleElsewhere(feed: Feed, ids: readonly string[]): string[] {
    const now = this.now();
    return ids.filter((id) => {
      const index = feed === 'joinRequests' ? this.world.joinRequestIndex(id) : this.world.reportIndex(id);
      return index !== null && this.world.handleElsewhere(feed, index, now);
    });
  }

  state() {
    this.world.advanceTo(this.now());
    return {
      world: this.world.summary(),
      actions: this.actions.summary(),
      requests: this.requests.summary(),
      faults: this.faults.current,
      trickle: this.trickle,
      tokenExpired: this.tokens.isExpired,
      rateLimits: this.options.rateLimits ?? null,
    };
  }
}
