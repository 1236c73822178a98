import { describe, expect, it } from 'vitest';
import { figure } from './figure';
import { toMarkdown } from './markdown';
import type { Results } from './results-schema';

const machine = {
  cores: 2,
  cpu: 'test cpu',
  memoryGB: 8,
  platform: 'linux x64',
  node: 'v20',
  sqliteModule: '3.52.0',
  sqliteCli: '3.40.1',
  chromium: '156',
  loadAtStart: 0.5,
  loadAtEnd: 0.7,
};

describe('toMarkdown', () => {
  it('writes one row per comparison, marks misses, and puts missed figures first under "Where the time goes"', () => {
    const met = figure({ id: 'a', title: 'Met figure', unit: 'ms', target: { statistic: 'p95', op: '<=', value: 30, text: 'p95 ≤ 30 ms' } }, [1, 2], {
      whereTheTimeGoes: [{ title: 'fine', lines: ['x'] }],
    });
    const missed = figure({ id: 'b', title: 'Missed figure', unit: 'ms' }, [100], {
      comparisons: [
        { against: 'Peer one', kind: 'peer', samples: [200], ratio: 'them/us', ratioMeaning: 'peer ÷ Modboard', ratioTarget: { op: '>=', value: 10, text: '≥ 10×' } },
        { against: 'Peer two', kind: 'peer', samples: [50], ratio: 'them/us', ratioMeaning: 'peer ÷ Modboard' },
      ],
      whereTheTimeGoes: [{ title: 'slow part', lines: ['y'] }],
    });
    const results: Results = { schema: 1, mode: 'quick', startedAt: '2026-01-01T00:00:00Z', durationSeconds: 1, machine, sizes: { joinRequests: 10 }, figures: [met, missed], errors: [] };
    const md = toMarkdown(results);
    expect(md).toContain('| Met figure | 2 | 1.50 ms | 1.95 ms | p95 ≤ 30 ms (p95) | met |');
    expect(md).toContain('Peer one: 200 ms | 2.00× (peer ÷ Modboard; target ≥ 10×: **missed**) | **missed** | 2 |');
    expect(md).toContain('| ↳ (same figure) |');
    expect(md.indexOf('### Missed figure')).toBeLessThan(md.indexOf('### Met figure'));
    expect(md).toContain('load average 0.5 at start, 0.7 at end');
  });
});
