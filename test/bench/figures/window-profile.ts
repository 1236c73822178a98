import type { Reader } from '@services/store/database';
import { WindowCache } from '@services/store/window-cache';
import { fetchWindow, type WindowSpec } from '@services/store/window-query';
import type { WindowRequest } from '@shared/table/window';
import type { Section } from '../core/results-schema';
import { StatementClock, timedReader } from '../core/statement-clock';
import { explain } from '../support/read-only';

/**
 * Where one window's time goes: the same request through the product's `fetchWindow`
 * in this process, cold (a fresh cache, as right after a commit), with every statement
 * timed, and the query plan of the slowest one.
 */
export async function profileWindow<C extends string, F, Raw, Row>(
  reader: Reader,
  spec: WindowSpec<C, F, Raw, Row>,
  request: WindowRequest<C, F>,
): Promise<Section[]> {
  const clock = new StatementClock();
  const context = { reader: timedReader(reader, clock), versionOf: () => 0, cache: new WindowCache() };
  const started = performance.now();
  const window = await fetchWindow(context, spec, request);
  const ms = performance.now() - started;
  const statements = clock.section(`The slowest request again, in process and cold: ${ms.toFixed(1)} ms in all, by statement`);
  const worst = clock.slowestQuery();
  const plan = worst ? await explain(reader, worst) : [];
  // Let the ladder the call started in the background finish before the connection closes.
  if (window.total > 0) await fetchWindow(context, spec, { ...request, offset: window.total - 1, limit: 1 });
  return [statements, { title: 'EXPLAIN QUERY PLAN of its slowest statement', lines: plan }];
}
