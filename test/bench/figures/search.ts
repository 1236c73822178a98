import { flaggedWindow } from '@services/queries/flagged';
import { toFtsQuery } from '@services/store/fts';
import { sql } from '@services/store/sql';
import type { CallInput } from '@shared/contract';
import type { BenchContext } from '../core/context';
import { fmt } from '../core/format';
import { figure } from '../core/figure';
import { msOf, slowest, type Labelled } from '../core/labelled';
import type { Figure } from '../core/results-schema';
import { searchTerms } from '../data/messages';
import type { Contract } from '../support/contract';
import type { ReadOnlyDatabase } from '../support/read-only';
import { profileWindow } from './window-profile';

type FlaggedRequest = CallInput<'flagged.window'>;

/**
 * Full-text search over the messages, top 50, through the product's one search of
 * messages: the Flagged queue's search (every message carries a flag here, so the
 * search covers all of them). Each term is asked once, so every sample is a new query.
 * Against it, in the same run: FTS5 alone (bm25 top 50 on the same index).
 */
export async function searchFigure(ctx: BenchContext, api: Contract, db: ReadOnlyDatabase): Promise<Figure> {
  const product: Labelled<FlaggedRequest>[] = [];
  const alone: number[] = [];
  const notes: string[] = [];
  for (const term of searchTerms(ctx.sizes.ftsSamples)) {
    const asked: FlaggedRequest = { offset: 0, limit: 50, sort: [{ column: 'lastReportedAt', desc: true }], filters: { status: 'open' }, search: term };
    const { ms, value } = await api.timed('flagged.window', asked);
    const settling = performance.now();
    if (value.total > 0) await api.call('flagged.window', { ...asked, offset: value.total - 1, limit: 1 });
    const backgroundMs = performance.now() - settling;
    product.push({ ms, label: term, detail: asked });

    const fts = toFtsQuery(term) ?? '';
    const started = performance.now();
    await db.reader.all(sql`SELECT rowid FROM messages_fts WHERE messages_fts MATCH ${fts} ORDER BY rank LIMIT 50`);
    const ftsMs = performance.now() - started;
    alone.push(ftsMs);
    notes.push(
      `"${term}" (${fmt(value.total)} matches): ${ms.toFixed(1)} ms; FTS5 alone ${ftsMs.toFixed(1)} ms; then main's background anchor ladder for it: ${(backgroundMs / 1000).toFixed(1)} s`,
    );
  }
  const worst = slowest(product);
  return figure(
    {
      id: 'search.messages',
      title: `Full-text search, top 50 over ${fmt(ctx.sizes.messages)} messages (Flagged queue search, through the contract)`,
      unit: 'ms',
      target: { statistic: 'p95', op: '<=', value: 100, text: 'p95 ≤ 100 ms' },
    },
    msOf(product),
    {
      comparisons: [
        { against: 'FTS5 alone: bm25 top 50, same index, in process', kind: 'limit', samples: alone, ratio: 'us/them', ratioMeaning: 'Modboard ÷ FTS5 alone' },
      ],
      notes,
      whereTheTimeGoes: worst ? await profileWindow(db.reader, flaggedWindow, worst.detail) : [],
    },
  );
}
