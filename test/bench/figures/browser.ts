import type { Browser } from '@playwright/test';
import { coldStart, type ColdStart } from '../browser/cold-start';
import type { BenchContext } from '../core/context';
import { fmt } from '../core/format';
import { figure } from '../core/figure';
import type { Figure } from '../core/results-schema';
import type { Dataset } from '../data/dataset';
import { startServer } from '../support/browser-mode';
import { openContract } from '../support/contract';
import { coldStartFigure } from './cold-start-figure';
import { keyPresses } from './key-press-figure';
import { profileOpen } from './open-profile';
import { scrollRuns } from './scroll-figures';

/**
 * The console in Chromium on the backlog: cold start, a fling from top to bottom,
 * key-press decisions, and memory meanwhile (renderer heap; browser mode's RSS,
 * sampled every 250 ms).
 */
export async function browserFigures(ctx: BenchContext, browser: Browser, dataset: Dataset): Promise<Figure[]> {
  const timeout = ctx.options.quick ? 60_000 : 240_000;
  const rows = ctx.backlog.rows;
  const colds: ColdStart[] = [];
  for (let k = 0; k < ctx.sizes.coldStarts; k++) colds.push(await coldStart(browser, ctx.build, dataset.dataDir, timeout));
  ctx.log(`cold start: ${colds.map((c) => Math.round(c.totalMs)).join(', ')} ms`);
  const opening = await profileOpen(dataset.file);

  const server = await startServer(ctx.build, dataset.dataDir);
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(server.rssMB()), 250);
  const heaps: number[] = [];
  try {
    const api = await openContract(server.origin, server.token);
    const scroll = await scrollRuns(ctx, browser, server, api, heaps, timeout);
    const keys = await keyPresses(ctx, browser, server, api, heaps, timeout, dataset);
    api.close();
    return [
      coldStartFigure(ctx, colds, dataset, opening),
      ...scroll,
      keys,
      figure(
        { id: 'memory.renderer-heap', title: `Renderer JS heap with the ${fmt(rows)}-row queue open (after GC; after each scroll and the key presses)`, unit: 'MB', target: { statistic: 'max', op: '<=', value: 150, text: '≤ 150 MB' } },
        heaps,
      ),
      figure(
        { id: 'memory.main-rss', title: `Browser mode's RSS with the ${fmt(rows)}-row queue open (sampled every 250 ms while scrolling and deciding)`, unit: 'MB', target: { statistic: 'max', op: '<=', value: 400, text: '≤ 400 MB' } },
        rss.length > 0 ? rss : [server.rssMB()],
      ),
    ];
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
}
