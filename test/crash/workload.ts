import { NO_FAULTS, type FaultConfig, type FaultPatch } from '@services/sandbox/faults';
import { sql } from '@services/store/sql';
import type { ContractClient } from './client';
import { rows } from './db';
import type { Ledger } from './ledger';
import type { SandboxProcess } from './processes';
import type { Random } from './rng';
import { announce, announceEpoch, followUp } from './announce';
import { enableAlertRule, enableJoinRule, joinRuleOn, postMarked } from './rules';

/**
 * Where a kill should land. The Sandbox's fault knobs widen each window: `slow` holds a
 * push on the wire, `dropAfterApply` applies it and loses the answer.
 */
export const KILL_MODES = ['mid-transaction', 'mid-pull', 'mid-push', 'mid-ack', 'mid-announce', 'chaos'] as const;
export type KillMode = (typeof KILL_MODES)[number];

export interface EpochContext {
  readonly client: ContractClient;
  readonly sandbox: SandboxProcess;
  readonly dbFile: string;
  readonly rng: Random;
  readonly ledger: Ledger;
  readonly graceMs: number;
  kill(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every knob set, so one epoch's faults never leak into the next. */
export function faultsFor(mode: KillMode | 'none', rng: Random): FaultPatch {
  const off = NO_FAULTS;
  const with_ = (over: Partial<FaultConfig>): FaultPatch => ({ ...off, ...over });
  switch (mode) {
    case 'mid-push':
      return with_({ slow: { rate: 0.7, times: null, delayMs: rng.int(200, 700) } });
    case 'mid-ack':
      return with_({ dropAfterApply: { rate: 0.5, times: null } });
    case 'mid-announce':
      return with_({ slow: { rate: 0.6, times: null, delayMs: rng.int(150, 500) }, dropAfterApply: { rate: 0.3, times: null } });
    case 'chaos':
      return with_({
        serverError: { rate: 0.1, times: null },
        rateLimit: { rate: 0.05, times: null, scope: 'account', retryAfterMs: 250 },
        slow: { rate: 0.2, times: null, delayMs: 150 },
        dropAfterApply: { rate: 0.1, times: null },
      });
    case 'mid-transaction':
    case 'mid-pull':
    case 'none':
      return off;
  }
}

/** The oldest pending requests, or the newest: those a rule may be judging at this very moment. */
const pendingRequests = (file: string, newest = false) =>
  rows<{ id: string; external_id: string }>(
    file,
    newest
      ? sql`SELECT id, external_id FROM join_requests WHERE status = 'pending' ORDER BY seq DESC LIMIT 20`
      : sql`SELECT id, external_id FROM join_requests WHERE status = 'pending' ORDER BY seq LIMIT 400`,
  );

const DECISIONS = ['approve', 'decline', 'decline-ban'] as const;

async function decideSome(ctx: EpochContext, size: number, decision?: 'snooze', newest = false): Promise<void> {
  const pending = await pendingRequests(ctx.dbFile, newest);
  if (pending.length === 0) return;
  const ids = ctx.rng.sample(pending, size).map((p) => p.id);
  const kind = decision ?? ctx.rng.pick(DECISIONS);
  void ctx.ledger.track(
    ctx.client.call('joinRequests.decide', { target: { kind: 'ids', ids }, decision: kind, ...(ctx.rng.chance(0.3) ? { reasonText: 'crash harness' } : {}) }),
    (v) => ctx.ledger.decisions.push({ actionId: v.actionId, count: v.count, decision: kind }),
    true,
  );
}

/**
 * A set-based decision by query: one community, or now and then a snooze of the whole
 * queue, the longest transaction there is (snoozes are not pushed, which keeps the
 * drain short: the Sandbox connector sends at most 18 pushes a second).
 */
async function decideByQuery(ctx: EpochContext, wholeQueue = ctx.rng.chance(0.25)): Promise<void> {
  const communities = await rows<{ id: string }>(ctx.dbFile, sql`SELECT id FROM communities ORDER BY seq`);
  if (communities.length === 0) return;
  const filters = wholeQueue ? {} : { communityId: ctx.rng.pick(communities).id };
  const kind = wholeQueue ? 'snooze' : ctx.rng.pick(DECISIONS);
  const sentAt = performance.now();
  void ctx.ledger.track(ctx.client.call('joinRequests.decide', { target: { kind: 'query', filters, except: [] }, decision: kind }), (v) => {
    ctx.ledger.decisions.push({ actionId: v.actionId, count: v.count, decision: kind });
    if (wholeQueue) ctx.ledger.bulkLatencyMs = performance.now() - sentAt;
  }, true);
}

function undoOne(ctx: EpochContext): void {
  const candidates = ctx.ledger.decisions.filter((d) => !ctx.ledger.undone.has(d.actionId));
  if (candidates.length === 0) return;
  const { actionId } = ctx.rng.pick(candidates.slice(-5));
  void ctx.ledger.track(ctx.client.call('actions.undo', { actionId }), () => ctx.ledger.undone.add(actionId));
}

const pull = (ctx: EpochContext) => void ctx.ledger.track(ctx.client.call('sync.runNow', {}));

const advance = (ctx: EpochContext, joinRequests: number) => ctx.sandbox.post('/_sandbox/advance', { joinRequests });

async function handleElsewhere(ctx: EpochContext): Promise<void> {
  const pending = await pendingRequests(ctx.dbFile);
  if (pending.length > 0) await ctx.sandbox.post('/_sandbox/handle-elsewhere', { joinRequestIds: ctx.rng.sample(pending, 3).map((p) => p.external_id) });
}

/** Decisions trickling in, one or a bulk every few tens of ms, for `forMs`. */
async function decideFor(ctx: EpochContext, forMs: number): Promise<void> {
  const until = Date.now() + forMs;
  while (Date.now() < until) {
    await decideSome(ctx, ctx.rng.chance(0.3) ? ctx.rng.int(2, 8) : 1);
    await sleep(ctx.rng.int(60, 200));
  }
}

async function chaos(ctx: EpochContext, forMs: number): Promise<void> {
  const until = Date.now() + forMs;
  while (Date.now() < until) {
    const roll = ctx.rng.float();
    // With a rule on, now and then the moderator takes the newest requests: a race with the rule judging them.
    if (roll < 0.35) await decideSome(ctx, ctx.rng.chance(0.4) ? ctx.rng.int(2, 10) : 1, undefined, joinRuleOn(ctx) && ctx.rng.chance(0.3));
    else if (roll < 0.45) await decideByQuery(ctx);
    else if (roll < 0.6) undoOne(ctx);
    else if (roll < 0.72) pull(ctx);
    else if (roll < 0.82) await advance(ctx, ctx.rng.int(20, 400));
    else if (roll < 0.87) await handleElsewhere(ctx);
    else if (roll < 0.92) await decideSome(ctx, ctx.rng.int(1, 5), 'snooze');
    else if (roll < 0.95) await announce(ctx, ctx.rng.chance(0.25) ? ctx.rng.int(0, 300) : null);
    else if (roll < 0.98) followUp(ctx);
    await sleep(ctx.rng.int(10, 120));
  }
}

/** Rules switched on at the start of an epoch, so they act while its kill lands. */
export interface EpochPlan {
  readonly enableJoinRule: boolean;
  readonly enableAlertRule: boolean;
}

/**
 * Rules enabled now act from here on: arrivals for a join rule to judge (a few, as its
 * pushes lengthen the drain; `mid-pull` brings hundreds), messages for an alert rule.
 */
async function startRules(ctx: EpochContext, mode: KillMode, plan: EpochPlan): Promise<void> {
  if (plan.enableJoinRule) await enableJoinRule(ctx);
  if (plan.enableAlertRule) await enableAlertRule(ctx);
  await postMarked(ctx, ctx.rng.int(1, 3));
  if (joinRuleOn(ctx) && mode !== 'mid-pull') {
    await advance(ctx, ctx.rng.int(40, 150));
    pull(ctx);
  }
}

/** Runs one epoch of work and ends it with SIGKILL at a moment chosen for `mode`. */
export async function runEpoch(ctx: EpochContext, mode: KillMode, plan: EpochPlan): Promise<void> {
  await ctx.sandbox.post('/_sandbox/faults', faultsFor(mode, ctx.rng));
  await startRules(ctx, mode, plan);
  // Posts sent in an earlier epoch are live by now: an edit or delete of them goes out while this epoch's kill lands.
  if (mode !== 'mid-announce' && ctx.rng.chance(0.5)) followUp(ctx);
  switch (mode) {
    case 'mid-transaction':
      // Aimed inside the whole-queue transaction, from how long the last one took to answer.
      for (let i = ctx.rng.int(0, 2); i > 0; i--) await decideSome(ctx, ctx.rng.int(1, 8));
      await decideByQuery(ctx, true);
      await sleep(Math.floor(ctx.rng.float() * ctx.ledger.bulkLatencyMs * 1.2));
      break;
    case 'mid-pull': {
      // Fewer arrivals while a rule judges them: each of its decisions is a push to drain.
      const arrivals = joinRuleOn(ctx) ? ctx.rng.int(300, 700) : ctx.rng.int(300, 1_500);
      await advance(ctx, arrivals);
      pull(ctx);
      // A page of 500 commits in about 50 ms: aim within the pull's length.
      await sleep(ctx.rng.int(5, Math.round(arrivals / 5)));
      break;
    }
    case 'mid-push':
    case 'mid-ack':
      if (ctx.rng.chance(0.3)) await announce(ctx);
      await decideFor(ctx, ctx.graceMs + ctx.rng.int(0, 1_200));
      break;
    case 'mid-announce':
      await announceEpoch(ctx);
      break;
    case 'chaos':
      await chaos(ctx, ctx.rng.int(300, 2_500));
      break;
  }
  await ctx.kill();
  await ctx.ledger.settled();
}
