import type { Browser } from '@playwright/test';
import { heapMB, profileRenderer } from '../browser/cdp';
import { idleFrames, openQueue } from '../browser/queue-page';
import { scrollTopToBottom, type ScrollRun } from '../browser/scroll';
import type { BenchContext } from '../core/context';
import { fmt } from '../core/format';
import { figure } from '../core/figure';
import type { Figure, Section } from '../core/results-schema';
import { percentile } from '../core/stats';
import type { Server } from '../support/browser-mode';
import type { Contract } from '../support/contract';
import { settleQueue } from './settle-queue';

const median = (values: readonly number[]) => percentile(values, 0.5);
const p95 = (values: readonly number[]) => percentile(values, 0.95);

/**
 * Flings through the queue `scrollRuns` times (a fresh page each, after main's ladder is
 * built), against an idle page's frame pacing; one more, profiled, when a target is missed.
 * Pushes the heap before and after each run into `heaps`.
 */
export async function scrollRuns(ctx: BenchContext, browser: Browser, server: Server, api: Contract, heaps: number[], timeout: number): Promise<Figure[]> {
  const runs: ScrollRun[] = [];
  for (let k = 0; k < ctx.sizes.scrollRuns; k++) {
    const queue = await openQueue(browser, server.url, timeout);
    heaps.push(await heapMB(queue.page));
    await settleQueue(api);
    runs.push(await scrollTopToBottom(queue.page, ctx.sizes.scrollFrames, timeout));
    heaps.push(await heapMB(queue.page));
    await queue.close();
  }
  const frames = runs.flatMap((r) => r.frameMs);
  const worstTasks = runs.map((r) => Math.max(0, ...r.longTaskMs));
  const idle = await idleFrames(browser, ctx.sizes.scrollFrames);
  const missed = p95(frames) > 16.7 || Math.max(...worstTasks) > 50;
  const profile: Section[] = [];
  if (missed) {
    const queue = await openQueue(browser, server.url, timeout);
    await settleQueue(api);
    profile.push(
      await profileRenderer(queue.page, 'Renderer main thread during one more (profiled) scroll, self time by function', async () => {
        await scrollTopToBottom(queue.page, ctx.sizes.scrollFrames, timeout);
      }),
    );
    await queue.close();
  }
  const rows = fmt(ctx.backlog.rows);
  const skeletons = runs.reduce((sum, r) => sum + r.skeletonFrames, 0) / Math.max(1, frames.length);
  const notes = [
    `${ctx.sizes.scrollFrames} steps of ${fmt(ctx.backlog.rows / ctx.sizes.scrollFrames)} rows each, one per frame, top to bottom (a fling through the whole queue).`,
    `Frames showing a loading row: ${(skeletons * 100).toFixed(0)}%; bottom rows loaded ${median(runs.map((r) => r.settleMs)).toFixed(0)} ms after the last step (median).`,
    `Long tasks: ${runs.reduce((sum, r) => sum + r.longTaskMs.length, 0)} over ${runs.length} run(s).`,
    'Each step writes the grid\'s scrollTop from a rAF callback; the layout that write forces (the layout the frame needs anyway) shows in the profile as the bench\'s own "(anonymous) (no script)" function.',
  ];
  return [
    figure(
      { id: 'scroll.frame', title: `Scroll the ${rows}-row queue top to bottom: frame interval`, unit: 'ms', target: { statistic: 'p95', op: '<=', value: 16.7, text: 'p95 ≤ 16.7 ms' } },
      frames,
      {
        comparisons: [{ against: 'an idle page in the same browser (frame pacing itself)', kind: 'limit', samples: idle, ratio: 'us/them', ratioMeaning: 'Modboard ÷ idle page' }],
        notes,
        whereTheTimeGoes: profile,
      },
    ),
    figure(
      { id: 'scroll.long-task', title: `Scroll the ${rows}-row queue top to bottom: longest task per run`, unit: 'ms', target: { statistic: 'max', op: '<=', value: 50, text: 'no task over 50 ms' } },
      worstTasks,
      { notes: [notes[2] ?? ''], whereTheTimeGoes: profile },
    ),
  ];
}
