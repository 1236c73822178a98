import type { Page } from '@playwright/test';

export interface ScrollRun {
  /** requestAnimationFrame to requestAnimationFrame, one per scroll step. */
  readonly frameMs: number[];
  /** Long tasks (over 50 ms) seen while scrolling. */
  readonly longTaskMs: number[];
  /** Frames in which some row on screen was still a loading skeleton. */
  readonly skeletonFrames: number;
  /** After the last step: until the rows at the bottom were loaded. */
  readonly settleMs: number;
}

/**
 * Scrolls the grid from top to bottom in `steps` equal steps, one per frame (a fling
 * through the whole queue), measuring frame intervals and long tasks on the page.
 */
export function scrollTopToBottom(page: Page, steps: number, timeoutMs: number): Promise<ScrollRun> {
  return page.evaluate(
    async ({ steps, timeoutMs }) => {
      const grid = document.querySelector<HTMLElement>('[role="grid"]');
      if (!grid) throw new Error('no grid on the page');
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      // The focused row stays in the DOM when scrolled away (for aria-activedescendant), so it does not
      // count; and no layout is read here, so the measurement does not force any.
      const loadingInView = () => {
        const focused = grid.getAttribute('aria-activedescendant');
        return [...grid.querySelectorAll('[aria-busy="true"]')].some((row) => row.id !== focused);
      };
      const longTaskMs: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTaskMs.push(e.duration)));
      observer.observe({ type: 'longtask' });
      grid.scrollTop = 0;
      await frame();
      await frame();
      const max = grid.scrollHeight - grid.clientHeight;
      const frameMs: number[] = [];
      let skeletonFrames = 0;
      let last = await frame();
      for (let k = 1; k <= steps; k++) {
        grid.scrollTop = Math.round((max * k) / steps);
        const now = await frame();
        frameMs.push(now - last);
        last = now;
        if (loadingInView()) skeletonFrames++;
      }
      const settleStart = performance.now();
      while (loadingInView()) {
        if (performance.now() - settleStart > timeoutMs) throw new Error('the rows at the bottom never loaded');
        await frame();
      }
      const settleMs = performance.now() - settleStart;
      await frame();
      observer.disconnect();
      return { frameMs, longTaskMs, skeletonFrames, settleMs };
    },
    { steps, timeoutMs },
  );
}
