import { compileRule, evaluateRule } from '@shared/rules/evaluate';
import type { BacktestResult } from '@shared/rules/model';
import type { RuleDefinition } from '@shared/rules/schema';
import type { Reader } from '../store/database';
import { sql } from '../store/sql';
import { BacktestTally } from './backtest-tally';
import { factsOfRow, loadRuleScope, ruleRowColumns, type RuleRow } from './rule-rows';
import { prefilter } from './rule-sql';

/** Rows read per query. */
export const BACKTEST_BATCH = 2_000;
/** JavaScript judges rows for at most this long before the event loop gets a turn. */
const SLICE_MS = 20;
const TEXT_KINDS = new Set(['answer-keywords', 'answer-regex']);

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface BacktestMeta {
  readonly ruleId: string | null;
  readonly version: number | null;
}

/**
 * Runs a rule over every stored request (pending and decided), latest stored first, on the
 * read connection: SQL drops rows that fail two or more of the conditions it can
 * judge (account age, signals, community, platform, empty answers), and the pure
 * `evaluateRule` judges what is left in JavaScript, keywords and patterns included,
 * in batches of rowid ranges, yielding to the event loop every SLICE_MS. JavaScript decides every
 * verdict, so a backtest and a live rule can never disagree.
 */
export async function backtestRule(reader: Reader, definition: RuleDefinition, meta: BacktestMeta, batch = BACKTEST_BATCH): Promise<BacktestResult> {
  const started = performance.now();
  const scope = await loadRuleScope(reader);
  const rule = compileRule(definition);
  // Near-misses (all conditions but one) only mean something with two conditions or more.
  const allowed = definition.conditions.length >= 2 ? 1 : 0;
  const where = prefilter(definition, scope, allowed);
  const columns = ruleRowColumns(definition.conditions.some((c) => TEXT_KINDS.has(c.kind)));
  const bounds = await reader.get<{ top: number | null; n: number }>(sql`SELECT max(seq) AS top, count(*) AS n FROM join_requests`);
  const tally = new BacktestTally(definition.action.kind, scope);
  let slice = performance.now();
  for (let high = bounds?.top ?? 0; high > 0; high -= batch) {
    const rows = await reader.all<RuleRow>(sql`SELECT ${columns} FROM join_requests j
      WHERE j.seq > ${high - batch} AND j.seq <= ${high}${where} ORDER BY j.seq DESC`);
    for (const row of rows) {
      if (performance.now() - slice > SLICE_MS) {
        await nextTurn();
        slice = performance.now();
      }
      const verdict = evaluateRule(rule, factsOfRow(row, scope), allowed + 1);
      if (verdict.matched) tally.match(row);
      else if (verdict.inconclusive) tally.undecided();
      else if (allowed === 1 && verdict.failed.length === 1) tally.nearMiss(row, verdict.failed[0]!);
    }
    await nextTurn();
    slice = performance.now();
  }
  return tally.result({ ...meta, scanned: bounds?.n ?? 0, elapsedMs: Math.round(performance.now() - started) });
}
