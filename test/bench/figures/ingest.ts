import { join } from 'node:path';
import type { BenchContext } from '../core/context';
import { fmt } from '../core/format';
import { figure } from '../core/figure';
import type { Figure } from '../core/results-schema';
import { StatementClock } from '../core/statement-clock';
import { writeBacklogCsv } from '../data/backlog-csv';
import { removeDatabase } from '../support/files';
import { ingestThroughShell } from './ingest-limit';
import { ingestThroughProduct } from './ingest-product';

export interface IngestOutcome {
  readonly figures: Figure[];
  /** The last product run's database: the backlog every later figure reads. */
  readonly databaseFile: string;
}

/** Ingest through the product, runs × the whole backlog, against the sqlite3 shell importing the same rows. */
export async function ingestFigures(ctx: BenchContext): Promise<IngestOutcome> {
  const b = ctx.backlog;
  const clock = new StatementClock();
  const product: number[] = [];
  const tenths: string[] = [];
  let databaseFile = '';
  for (let run = 0; run < ctx.sizes.ingestRuns; run++) {
    if (databaseFile) removeDatabase(databaseFile);
    databaseFile = join(ctx.work, `ingest-${run}.sqlite`);
    const outcome = await ingestThroughProduct(databaseFile, b, clock);
    product.push(b.rows / (outcome.ms / 1000));
    const tenth = Math.ceil(b.rows / 10);
    tenths.push(`run ${run + 1}: ${outcome.tenths.map((ms) => fmt(tenth / (ms / 1000))).join(' → ')} rows/s`);
    ctx.log(`ingest (product) run ${run + 1}: ${fmt(b.rows / (outcome.ms / 1000))} rows/s`);
  }

  const csv = await writeBacklogCsv(ctx.work, b);
  const shell: number[] = [];
  for (let run = 0; run < ctx.sizes.shellRuns; run++) {
    const file = join(ctx.work, `shell-${run}.sqlite`);
    const ms = await ingestThroughShell(file, b, csv);
    removeDatabase(file);
    shell.push(b.rows / (ms / 1000));
    ctx.log(`ingest (sqlite3 shell) run ${run + 1}: ${fmt(b.rows / (ms / 1000))} rows/s`);
  }

  const ingest = figure(
    {
      id: 'ingest.join-requests',
      title: `Ingest ${fmt(b.rows)} join requests (indexes, FTS, signals; 1,000-row pages, one transaction each)`,
      unit: 'rows/s',
      better: 'higher',
      target: { statistic: 'median', op: '>=', value: 50_000, text: '≥ 50,000 rows/s' },
    },
    product,
    {
      comparisons: [
        {
          against: 'sqlite3 shell: same rows, same schema, one transaction',
          kind: 'limit',
          samples: shell,
          ratio: 'us/them',
          ratioMeaning: 'Modboard ÷ sqlite3 shell',
          ratioTarget: { op: '>=', value: 0.5, text: '≥ 0.5' },
        },
      ],
      whereTheTimeGoes: [
        { title: 'Rate by tenth of the backlog, as the table grows', lines: tenths },
        clock.section('Time per statement, summed over every page of every run (timed in process)'),
      ],
    },
  );
  return { figures: [ingest], databaseFile };
}
