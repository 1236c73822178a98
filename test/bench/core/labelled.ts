import { percentile } from './stats';

/** Samples that remember what was asked, so a figure can say which variant is slow. */
export interface Labelled<T = unknown> {
  readonly ms: number;
  readonly label: string;
  readonly detail: T;
}

export const msOf = (samples: readonly Labelled[]): number[] => samples.map((s) => s.ms);

export const slowest = <T>(samples: readonly Labelled<T>[]): Labelled<T> | undefined =>
  samples.reduce<Labelled<T> | undefined>((worst, s) => (!worst || s.ms > worst.ms ? s : worst), undefined);

/** One note per label: its median (and how many samples), slowest first. */
export function perLabel(samples: readonly Labelled[], unit = 'ms'): string[] {
  const groups = new Map<string, number[]>();
  for (const s of samples) groups.set(s.label, [...(groups.get(s.label) ?? []), s.ms]);
  return [...groups.entries()]
    .map(([label, values]) => ({ label, median: percentile(values, 0.5), n: values.length }))
    .sort((a, b) => b.median - a.median)
    .map((g) => `${g.label}: ${g.median.toFixed(1)} ${unit}${g.n > 1 ? ` (median of ${g.n})` : ''}`);
}
