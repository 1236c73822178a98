import type { CDPSession, Page } from '@playwright/test';
import type { Section } from '../core/results-schema';

/** The page's JS heap in MB after a full garbage collection: what it holds, not what it has yet to collect. */
export async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    return used / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/**
 * Runs `work` under the V8 sampling profiler and returns where the renderer's main
 * thread spent its time: self time by function, with (program), (garbage collector)
 * and (idle) as V8 names them.
 */
export async function profileRenderer(page: Page, title: string, work: () => Promise<void>, limit = 12): Promise<Section> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    await work();
    const { profile } = await cdp.send('Profiler.stop');
    const nodes = new Map<number, ProfileNode>((profile.nodes as ProfileNode[]).map((n) => [n.id, n]));
    const self = new Map<string, number>();
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    samples.forEach((id, i) => {
      const frame = nodes.get(id)?.callFrame;
      const file = frame?.url.split('/').at(-1) ?? '';
      const name = frame ? `${frame.functionName || '(anonymous)'} ${file || '(no script)'}:${frame.lineNumber + 1}` : '?';
      self.set(name, (self.get(name) ?? 0) + (deltas[i] ?? 0) / 1000);
    });
    const total = [...self.values()].reduce((a, b) => a + b, 0) || 1;
    const lines = [...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, ms]) => `${((ms / total) * 100).toFixed(0).padStart(3)}%  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
    return { title, lines };
  } finally {
    await cdp.detach();
  }
}
