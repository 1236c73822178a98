import { sql } from '@services/store/sql';
import type { BenchContext } from '../core/context';
import { fmt } from '../core/format';
import { figure } from '../core/figure';
import type { Figure } from '../core/results-schema';
import type { Dataset } from '../data/dataset';
import type { Contract } from '../support/contract';
import type { ReadOnlyDatabase } from '../support/read-only';
import { profileDecision } from './decision-profile';

/** "Spam" in the reason library the first migration seeds. */
const SPAM_REASON = '01JREASON0000000000000002';

/**
 * One bulk decision (decline as spam) on `bulkSize` pending requests picked by id, through
 * the contract: the rows, an outbox row each and an audit entry each, in one transaction.
 * Each run takes a fresh slice of the queue; one more slice goes through in process, for where the time goes.
 */
export async function bulkDecisionFigure(ctx: BenchContext, api: Contract, db: ReadOnlyDatabase, dataset: Dataset): Promise<Figure> {
  const size = ctx.sizes.bulkSize;
  const runs = ctx.sizes.bulkRuns;
  const ids = await db.reader.all<{ id: string }>(
    sql`SELECT id FROM join_requests WHERE status = 'pending' ORDER BY seq LIMIT ${size * (runs + 1)} OFFSET ${Math.floor(ctx.backlog.rows * 0.2)}`,
  );
  if (ids.length < size * (runs + 1)) throw new Error(`only ${ids.length} pending rows for ${runs + 1} bulk decisions of ${size}`);
  const slice = (k: number) => ids.slice(k * size, (k + 1) * size).map((row) => row.id);

  const samples: number[] = [];
  for (let k = 0; k < runs; k++) {
    const { ms, value } = await api.timed('joinRequests.decide', { target: { kind: 'ids', ids: slice(k) }, decision: 'decline', reasonId: SPAM_REASON });
    if (value.count !== size) throw new Error(`bulk decision reached ${value.count} rows, expected ${size}`);
    samples.push(ms);
  }
  ctx.log(`bulk decision: ${samples.map(Math.round).join(', ')} ms`);

  const profile = await profileDecision(dataset.file, slice(runs), 'decline', 'The same decision on another slice');
  return figure(
    {
      id: 'decision.bulk',
      title: `Apply one bulk decision to ${fmt(size)} requests (state, outbox, audit), through the contract`,
      unit: 'ms',
      target: { statistic: 'median', op: '<=', value: 250, text: '≤ 250 ms' },
    },
    samples,
    {
      whereTheTimeGoes: profile,
    },
  );
}
