import { joinRequestsWindow } from '@services/queries/join-requests';
import { sql } from '@services/store/sql';
import type { CallInput } from '@shared/contract';
import type { BenchContext } from '../core/context';
import { fmt } from '../core/format';
import { figure, type FigureSpec } from '../core/figure';
import { msOf, perLabel, slowest, type Labelled } from '../core/labelled';
import type { Check, Figure } from '../core/results-schema';
import type { Contract } from '../support/contract';
import type { ReadOnlyDatabase } from '../support/read-only';
import { profileWindow } from './window-profile';
import { describeFilters, describeSort, filterChanges, request, SORT_CHANGES } from './window-scenarios';

type WindowRequest = CallInput<'joinRequests.window'>;

const P95_30: Check = { statistic: 'p95', op: '<=', value: 30, text: 'p95 ≤ 30 ms' };
const DEEP_RATIO = { op: '<=' as const, value: 2, text: '≤ 2× first page' };

/**
 * 100-row windows of the join-request queue through the contract (WebSocket, zod,
 * handler, SQLite), as the renderer asks for them. Every sample follows a commit
 * (one approval), as in a working session: main's window cache (totals, anchor
 * ladder) starts cold. Between samples the bench waits for the ladder main builds
 * in the background, so samples do not queue behind each other.
 */
export async function windowFigures(ctx: BenchContext, api: Contract, db: ReadOnlyDatabase): Promise<Figure[]> {
  const rows = ctx.backlog.rows;
  const deep = Math.floor(rows * 0.9);
  const n = ctx.sizes.windowSamples;
  const community = await db.reader.get<{ id: string }>(sql`SELECT id FROM communities WHERE external_id = 'c7'`);
  const filters = filterChanges(community?.id ?? 'none');
  const spare = await db.reader.all<{ id: string }>(
    sql`SELECT id FROM join_requests WHERE status = 'pending' ORDER BY requested_at DESC, seq DESC LIMIT ${6 * n + 10}`,
  );
  const commit = async () => {
    const id = spare.pop()?.id;
    if (!id) throw new Error('ran out of pending rows to approve between samples');
    await api.call('joinRequests.decide', { target: { kind: 'ids', ids: [id] }, decision: 'approve' });
  };
  const settle = async (asked: WindowRequest, total: number) => {
    if (total > 0) await api.call('joinRequests.window', { ...asked, offset: total - 1, limit: 1 });
  };
  const sample = async (label: string, asked: WindowRequest, cold = true): Promise<Labelled<WindowRequest>> => {
    if (cold) await commit();
    const { ms, value } = await api.timed('joinRequests.window', asked);
    if (asked.offset < value.total && value.rows.length === 0) throw new Error(`empty window for ${label}`);
    await settle(asked, value.total);
    return { ms, label, detail: asked };
  };
  const times = async (make: (k: number) => Promise<Labelled<WindowRequest>>) => {
    const out: Labelled<WindowRequest>[] = [];
    for (let k = 0; k < n; k++) out.push(await make(k));
    return out;
  };

  const first = await times(() => sample('first page', request(0)));
  const deepCold = await times(() => sample(`${fmt(deep)} deep`, request(deep)));
  await commit();
  await settle(request(0), (await api.call('joinRequests.window', request(0))).total);
  const deepWarm = await times((k) => sample(`${fmt(deep)} deep, ladder built`, request(deep + ((k * 700) % 4096)), false));
  const sorted = await times((k) => {
    const sort = SORT_CHANGES[k % SORT_CHANGES.length] ?? [];
    return sample(`sort ${describeSort(sort)}`, request(0, sort));
  });
  const filtered = await times((k) => {
    const f = filters[k % filters.length] ?? {};
    return sample(`filter ${describeFilters(f)}`, request(0, undefined, f));
  });
  ctx.log(`windows: first ${msOf(first).join(', ')} ms; deep ${msOf(deepCold).map(Math.round).join(', ')} ms`);

  const profile = async (samples: Labelled<WindowRequest>[]) => {
    const worst = slowest(samples);
    return worst ? profileWindow(db.reader, joinRequestsWindow, worst.detail) : [];
  };
  const make = async (spec: Omit<FigureSpec, 'unit'>, samples: Labelled<WindowRequest>[], compareWithFirst = false) =>
    figure({ ...spec, unit: 'ms', target: P95_30 }, msOf(samples), {
      comparisons: compareWithFirst
        ? [{ against: 'the first page, same run', kind: 'reference', samples: msOf(first), ratio: 'us/them', ratioMeaning: 'deep ÷ first page', ratioTarget: DEEP_RATIO }]
        : [],
      notes: perLabel(samples),
      whereTheTimeGoes: await profile(samples),
    });

  return [
    await make({ id: 'window.first', title: `Window of 100 rows at ${fmt(rows)}: first page, right after a commit` }, first),
    await make({ id: 'window.deep', title: `Window of 100 rows at ${fmt(rows)}: ${fmt(deep)} deep, right after a commit` }, deepCold, true),
    await make({ id: 'window.deep-warm', title: `Window of 100 rows at ${fmt(rows)}: ${fmt(deep)} deep, anchors built (scrolling)` }, deepWarm, true),
    await make({ id: 'window.sort', title: `Window of 100 rows at ${fmt(rows)}: after a sort change` }, sorted),
    await make({ id: 'window.filter', title: `Window of 100 rows at ${fmt(rows)}: after a filter change` }, filtered),
  ];
}
