import type { Browser } from '@playwright/test';
import { heapMB, profileRenderer } from '../browser/cdp';
import { approveFocused, type KeyPress } from '../browser/keypress';
import { openQueue } from '../browser/queue-page';
import type { BenchContext } from '../core/context';
import { figure } from '../core/figure';
import type { Figure, Section } from '../core/results-schema';
import { percentile } from '../core/stats';
import type { Dataset } from '../data/dataset';
import type { Server } from '../support/browser-mode';
import type { Contract } from '../support/contract';
import { profileDecision } from './decision-profile';
import { settleQueue } from './settle-queue';
import { request } from './window-scenarios';

const median = (values: readonly number[]) => percentile(values, 0.5);
const p95 = (values: readonly number[]) => percentile(values, 0.95);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `a` on the focused row of the default view, `keyPresses` times, 400 ms apart; five more
 * presses profiled when the target is missed, and one approval timed in process.
 * Pushes the heap after the presses into `heaps`.
 */
export async function keyPresses(
  ctx: BenchContext,
  browser: Browser,
  server: Server,
  api: Contract,
  heaps: number[],
  timeout: number,
  dataset: Dataset,
): Promise<Figure> {
  const queue = await openQueue(browser, server.url, timeout);
  const presses: KeyPress[] = [];
  let profile: Section[] = [];
  try {
    await settleQueue(api);
    await queue.page.getByRole('grid', { name: 'Join requests' }).focus();
    await queue.page.keyboard.press('j');
    await queue.page.keyboard.press('j');
    await pause(300);
    for (let k = 0; k < ctx.sizes.keyPresses; k++) {
      presses.push(await approveFocused(queue.page, timeout));
      await pause(400);
    }
    heaps.push(await heapMB(queue.page));
    const worst = presses.map((p) => Math.max(p.focusMs, p.appliedMs));
    if (p95(worst) > 50) {
      profile = [
        await profileRenderer(queue.page, 'Renderer main thread during 5 more (profiled) key presses, self time by function', async () => {
          for (let k = 0; k < 5; k++) {
            await approveFocused(queue.page, timeout);
            await pause(400);
          }
        }),
      ];
    }
  } finally {
    await queue.close();
  }
  const next = (await api.call('joinRequests.window', { ...request(0), limit: 1 })).rows[0];
  if (next) profile.push(...(await profileDecision(dataset.file, [next.id], 'approve', 'One approval like the key press makes')));
  const focus = presses.map((p) => p.focusMs);
  const applied = presses.map((p) => p.appliedMs);
  return figure(
    { id: 'decision.key-press', title: 'Key press (a) to decision applied in main and focus on the next row painted', unit: 'ms', target: { statistic: 'p95', op: '<=', value: 50, text: 'p95 ≤ 50 ms' } },
    presses.map((p) => Math.max(p.focusMs, p.appliedMs)),
    {
      notes: [
        `Next row focused and painted (optimistic, renderer only): median ${median(focus).toFixed(1)} ms, p95 ${p95(focus).toFixed(1)} ms.`,
        `Main's answer (transaction committed with its outbox row and audit entry): median ${median(applied).toFixed(1)} ms, p95 ${p95(applied).toFixed(1)} ms.`,
        'Each sample is the later of the two; presses are 400 ms apart, on the queue\'s default view.',
      ],
      whereTheTimeGoes: profile,
    },
  );
}
