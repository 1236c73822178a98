import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { backtestAlertRule } from '@services/flags/alert-rules/alert-backtest';
import { seedBacktestMessages } from '@services/flags/alert-rules/backtest-seed';
import { openStore } from '@services/store/database';
import type { AlertRuleDefinition } from '@shared/flags/alert-rule-schema';
import type { BenchContext } from '../core/context';
import { figure } from '../core/figure';
import { fmt } from '../core/format';
import type { Figure } from '../core/results-schema';

const RULES: readonly AlertRuleDefinition[] = [
  { name: 'Airdrops', match: { kind: 'keywords', words: ['airdrop', 'giveaway'], match: 'any' } },
  { name: 'Free airdrop', match: { kind: 'regex', pattern: 'free\\s+airdrop' } },
  { name: 'Scam links', match: { kind: 'link-domains', domains: ['scam.io'] } },
];

/**
 * An alert rule's backtest (`alertRules.backtest`'s service, in process, on the read
 * connection) over `alertMessages` stored messages in a fresh database: each run one rule
 * (keywords, regex, link domains, in turn) over every message. Beside the time, the
 * event loop's worst block during the run (perf_hooks histogram, 5 ms resolution): the
 * app answers nothing else for that long.
 */
export async function alertBacktestFigures(ctx: BenchContext): Promise<Figure[]> {
  const count = ctx.sizes.alertMessages;
  const store = await openStore(join(ctx.work, 'alert-backtest.sqlite'));
  try {
    await seedBacktestMessages(store, count);
    // One untimed run first: the seeding leaves a large heap to collect and cold pages; its numbers are a note.
    const warm = monitorEventLoopDelay({ resolution: 5 });
    warm.enable();
    const warmStarted = performance.now();
    await backtestAlertRule(store.reader, RULES[0]!);
    warm.disable();
    const notes = [`warm-up run right after seeding (not in the samples): ${(performance.now() - warmStarted).toFixed(0)} ms, worst block ${(warm.max / 1e6).toFixed(1)} ms`];
    const times: number[] = [];
    const blocks: number[] = [];
    for (let run = 0; run < ctx.sizes.alertRuns; run++) {
      const rule = RULES[run % RULES.length]!;
      const loop = monitorEventLoopDelay({ resolution: 5 });
      loop.enable();
      const started = performance.now();
      const result = await backtestAlertRule(store.reader, rule);
      const ms = performance.now() - started;
      loop.disable();
      const block = loop.max / 1e6;
      times.push(ms);
      blocks.push(block);
      notes.push(`${rule.match.kind} “${rule.name}”: ${fmt(result.matched)} of ${fmt(result.scanned)} matched in ${result.perCommunity.length} communities; ${ms.toFixed(0)} ms, worst block ${block.toFixed(1)} ms`);
    }
    return [
      figure({ id: 'alert.backtest', title: `Alert-rule backtest over ${fmt(count)} stored messages (in process)`, unit: 'ms' }, times, { notes }),
      figure(
        {
          id: 'alert.backtest-block',
          title: `Worst event-loop block during an alert-rule backtest over ${fmt(count)} messages`,
          unit: 'ms',
          target: { statistic: 'max', op: '<=', value: 50, text: 'no block over 50 ms' },
        },
        blocks,
      ),
    ];
  } finally {
    await store.close();
  }
}
