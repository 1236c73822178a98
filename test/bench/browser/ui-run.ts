import type { Browser } from '@playwright/test';
import type { Section } from '../core/results-schema';
import { heapMB, profileRenderer } from './cdp';
import { splitByCalls, type CallSplit } from './call-timeline';
import { freshContext } from './chromium';
import type { GridUi } from './grid-ui';
import { eventAt, firstRowsPainted, textOf, untilChanged } from './paint';
import { installProbe } from './probe';

/** One visit of a grid page as a moderator would make it: open, sort by person, show the unanswered. */
export interface UiRun {
  /** Navigation start to the first rows painted. */
  readonly firstRowsMs: number;
  /** Header click to the re-sorted first row painted. */
  readonly sortMs: number;
  /** Filter choice to the filtered first row painted. */
  readonly filterMs: number;
  /** For a page that asks main for windows: where the sort's and the filter's time went. */
  readonly sortSplit: CallSplit | null;
  readonly filterSplit: CallSplit | null;
  /** JS heap after all that, after a full GC. */
  readonly heapMB: number;
  readonly rows: number;
  readonly unanswered: number;
  /** With `profile`: the renderer's main thread during the sort and the filter. */
  readonly profile: Section | null;
}

export async function visitGrid(browser: Browser, ui: GridUi, url: string, timeoutMs: number, profile = false): Promise<UiRun> {
  const context = await freshContext(browser);
  try {
    const page = await context.newPage();
    await page.addInitScript(installProbe, { firstRow: ui.firstRow });
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    const firstRowsMs = await firstRowsPainted(page, timeoutMs);
    const rows = await ui.count(page);

    const timeChange = async (act: () => Promise<void>, event: string) => {
      const before = await textOf(page, ui.firstRow);
      const painted = untilChanged(page, ui.firstRow, before, timeoutMs);
      await act();
      const paintedAt = await painted;
      const at = await eventAt(page, event);
      return { ms: paintedAt - at, split: await splitByCalls(page, 'joinRequests.window', at, paintedAt) };
    };
    const changes = async () => ({
      sort: await timeChange(() => ui.sortByPerson(page), 'click'),
      filter: await timeChange(() => ui.filterUnanswered(page), 'change'),
    });
    let section: Section | null = null;
    let measured: Awaited<ReturnType<typeof changes>> | null = null;
    if (profile) {
      section = await profileRenderer(page, `${ui.name}: renderer main thread during a (profiled) sort and filter, self time by function`, async () => {
        measured = await changes();
      });
    }
    const { sort, filter } = measured ?? (await changes());
    const unanswered = await ui.count(page);
    return {
      firstRowsMs,
      sortMs: sort.ms,
      filterMs: filter.ms,
      sortSplit: sort.split,
      filterSplit: filter.split,
      heapMB: await heapMB(page),
      rows,
      unanswered,
      profile: section,
    };
  } finally {
    await context.close();
  }
}
