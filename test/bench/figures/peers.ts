import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { AG_GRID, MODBOARD, TANSTACK, type GridUi } from '../browser/grid-ui';
import { visitGrid, type UiRun } from '../browser/ui-run';
import type { BenchContext } from '../core/context';
import { fmt } from '../core/format';
import { figure, type ComparisonInput } from '../core/figure';
import type { CallSplit } from '../browser/call-timeline';
import type { Check, Figure, Section } from '../core/results-schema';
import { percentile } from '../core/stats';
import type { Dataset } from '../data/dataset';
import { exportRows } from '../data/export-rows';
import { startServer } from '../support/browser-mode';
import { buildPeers } from '../support/peer-build';
import { serveStatic } from '../support/static-server';

interface Measured {
  readonly ui: GridUi;
  readonly runs: UiRun[];
}

/**
 * Modboard against the usual ways to build this screen, on identical rows: AG Grid
 * Community and TanStack Table v9, each holding every row in the page. Each visit opens
 * the page in a fresh profile, sorts by person, then shows the unanswered only;
 * Modboard's visits each start on a freshly started browser mode (cold caches in main).
 */
export async function peerFigures(ctx: BenchContext, browser: Browser, dataset: Dataset): Promise<Figure[]> {
  const timeout = ctx.options.quick ? 60_000 : 300_000;
  const dir = join(ctx.work, 'peers');
  mkdirSync(dir, { recursive: true });
  const rowsFile = join(dir, 'rows.json');
  await exportRows(dataset.file, rowsFile);
  await buildPeers(ctx.root, join(dir, 'dist'));
  ctx.log('peers built; rows exported');

  const visitModboard = async (profile: boolean) => {
    const server = await startServer(ctx.build, dataset.dataDir);
    try {
      return await visitGrid(browser, MODBOARD, server.url, timeout, profile);
    } finally {
      await server.stop();
    }
  };
  const modboard: Measured = { ui: MODBOARD, runs: [] };
  for (let k = 0; k < ctx.sizes.uiRuns; k++) modboard.runs.push(await visitModboard(false));
  const profiled = await visitModboard(true);
  const site = await serveStatic(join(dir, 'dist'), { '/rows.json': rowsFile });
  const peers: Measured[] = [];
  try {
    for (const [ui, page] of [[AG_GRID, 'ag-grid.html'], [TANSTACK, 'tanstack.html']] as const) {
      const runs: UiRun[] = [];
      for (let k = 0; k < ctx.sizes.uiRuns; k++) runs.push(await visitGrid(browser, ui, `${site.origin}/${page}`, timeout));
      peers.push({ ui, runs });
      ctx.log(`${ui.name}: first rows ${runs.map((r) => Math.round(r.firstRowsMs)).join(', ')} ms; sort ${runs.map((r) => Math.round(r.sortMs)).join(', ')} ms`);
    }
  } finally {
    await site.close();
  }
  return comparisonFigures(ctx, modboard, peers, profiled.profile);
}

function comparisonFigures(ctx: BenchContext, modboard: Measured, peers: Measured[], profile: Section | null): Figure[] {
  const rows = fmt(ctx.backlog.rows);
  const counts = [modboard, ...peers].map((m) => `${m.ui.name}: ${fmt(m.runs[0]?.rows ?? 0)} rows, ${fmt(m.runs[0]?.unanswered ?? 0)} unanswered`);
  const notes = [`Rows shown before and after the filter (identical data): ${counts.join('; ')}.`];
  const make = (id: string, title: string, unit: string, pick: (run: UiRun) => number, ratioTarget?: Omit<Check, 'statistic'>, split?: (run: UiRun) => CallSplit | null) =>
    figure({ id, title, unit }, modboard.runs.map(pick), {
      whereTheTimeGoes: split ? [...splitSection(modboard.runs.map(split)), ...(profile ? [profile] : [])] : [],
      comparisons: peers.map(
        (peer): ComparisonInput => ({
          against: peer.ui.name,
          kind: 'peer',
          samples: peer.runs.map(pick),
          ratio: 'them/us',
          ratioMeaning: 'peer ÷ Modboard',
          ...(ratioTarget ? { ratioTarget } : {}),
        }),
      ),
      notes,
    });
  return [
    make('ui.first-rows', `Same ${rows} rows in the browser: navigation to first rows painted`, 'ms', (r) => r.firstRowsMs),
    make('ui.sort', `Same ${rows} rows in the browser: sort change (click Person) to first row painted`, 'ms', (r) => r.sortMs, { op: '>=', value: 10, text: 'Modboard ≥ 10× faster' }, (r) => r.sortSplit),
    make('ui.filter', `Same ${rows} rows in the browser: filter change (Unanswered) to first row painted`, 'ms', (r) => r.filterMs, { op: '>=', value: 10, text: 'Modboard ≥ 10× faster' }, (r) => r.filterSplit),
    make('ui.heap', `Same ${rows} rows in the browser: renderer JS heap after sort and filter (after GC)`, 'MB', (r) => r.heapMB, { op: '>=', value: 5, text: 'Modboard ≥ 5× less heap' }),
  ];
}

/** Modboard's interaction split at its calls to main (medians over the visits). */
function splitSection(splits: readonly (CallSplit | null)[]): Section[] {
  const known = splits.filter((s): s is CallSplit => s !== null);
  if (known.length === 0) return [];
  const m = (pick: (s: CallSplit) => number) => percentile(known.map(pick), 0.5).toFixed(0);
  return [
    {
      title: "Modboard's time split at its calls to main (medians)",
      lines: [
        `event → first joinRequests.window call sent (renderer reacts): ${m((s) => s.reactMs)} ms`,
        `first call sent → last answer before paint (main: count, keyset page, WebSocket): ${m((s) => s.mainMs)} ms over ${m((s) => s.calls)} call(s)`,
        `last answer → first row painted (renderer renders): ${m((s) => s.renderMs)} ms`,
      ],
    },
    { title: 'Every call the page made meanwhile (first visit)', lines: known[0]?.meanwhile ?? [] },
  ];
}
