import { describe, expect, it } from 'vitest';
import { figure } from './figure';
import { figureSchema } from './results-schema';

describe('figure', () => {
  it('checks the target on the statistic it names', () => {
    const f = figure(
      { id: 'x', title: 'x', unit: 'ms', target: { statistic: 'p95', op: '<=', value: 30, text: 'p95 ≤ 30 ms' } },
      [10, 10, 10, 10, 100],
    );
    expect(f.median).toBe(10);
    expect(f.targetPass).toBe(false);
    expect(f.pass).toBe(false);
    expect(figureSchema.parse(f)).toEqual(f);
  });

  it('computes ratios from medians, in the direction asked, and checks their targets', () => {
    const f = figure({ id: 'sort', title: 'sort', unit: 'ms' }, [20, 30, 40], {
      comparisons: [
        { against: 'peer', kind: 'peer', samples: [300, 400], ratio: 'them/us', ratioMeaning: 'peer ÷ Modboard', ratioTarget: { op: '>=', value: 10, text: '≥ 10×' } },
      ],
    });
    expect(f.comparisons[0]?.ratio).toBeCloseTo(350 / 30);
    expect(f.comparisons[0]?.pass).toBe(true);
    expect(f.targetPass).toBeNull();
    expect(f.pass).toBe(true);
  });

  it('has no verdict when nothing is checked', () => {
    expect(figure({ id: 'y', title: 'y', unit: 'MB' }, [1]).pass).toBeNull();
  });
});
