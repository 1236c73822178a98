import type { ColdStart } from '../browser/cold-start';
import type { BenchContext } from '../core/context';
import { fmt } from '../core/format';
import { figure } from '../core/figure';
import type { Figure, Section } from '../core/results-schema';
import { percentile } from '../core/stats';
import type { Dataset } from '../data/dataset';

const median = (values: readonly number[]) => percentile(values, 0.5);

/** Cold starts, with the medians of their parts and what opening the database costs on its own. */
export function coldStartFigure(ctx: BenchContext, colds: ColdStart[], dataset: Dataset, opening: Section): Figure {
  const split: Section = {
    title: 'Medians of the parts',
    lines: [
      `process spawn → address printed (Node start, data folder lock, open and check the database, web server): ${median(colds.map((c) => c.serverMs)).toFixed(0)} ms`,
      `navigation → DOMContentLoaded (renderer bundle fetched, parsed, run): ${median(colds.map((c) => c.domMs)).toFixed(0)} ms`,
      `DOMContentLoaded → first rows painted (WebSocket, first windows, render): ${median(colds.map((c) => c.pageMs - c.domMs)).toFixed(0)} ms`,
    ],
  };
  return figure(
    { id: 'cold-start', title: `Cold start of browser mode on the ${fmt(ctx.backlog.rows)}-row database to first rows painted`, unit: 'ms', target: { statistic: 'median', op: '<=', value: 1500, text: '≤ 1.5 s' } },
    colds.map((c) => c.totalMs),
    {
      whereTheTimeGoes: [split, opening],
      notes: [
        'Spawn to address plus navigation to first rows painted, in a fresh browser profile; the OS file cache is warm (the database was just written).',
        `Browser mode takes an automatic backup a minute after start when none is recent; on this database it took ${(dataset.backupMs / 1000).toFixed(1)} s (taken before the figures, so none ran during them).`,
      ],
    },
  );
}
