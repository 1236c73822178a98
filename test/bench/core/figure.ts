import type { Check, Comparison, Figure, Section } from './results-schema';
import { summarize, type Better, type Summary } from './stats';

export interface FigureSpec {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly better?: Better;
  readonly target?: Check;
}

export interface ComparisonInput {
  readonly against: string;
  readonly kind: Comparison['kind'];
  readonly samples: readonly number[];
  /** `them/us`: how many times the other is slower or bigger; `us/them`: our share of the other's throughput. */
  readonly ratio: 'them/us' | 'us/them';
  readonly ratioMeaning: string;
  readonly ratioTarget?: Omit<Check, 'statistic'>;
}

export interface FigureExtras {
  readonly comparisons?: readonly ComparisonInput[];
  readonly whereTheTimeGoes?: readonly Section[];
  readonly notes?: readonly string[];
}

const statisticOf = (summary: Summary, statistic: Check['statistic']) => summary[statistic];

export const meets = (value: number, check: Pick<Check, 'op' | 'value'>): boolean =>
  check.op === '<=' ? value <= check.value : value >= check.value;

function compare(ours: Summary, unit: string, input: ComparisonInput, better: Better): Comparison {
  const theirs = summarize(input.samples, better);
  const ratio = input.ratio === 'them/us' ? theirs.median / ours.median : ours.median / theirs.median;
  return {
    against: input.against,
    kind: input.kind,
    unit,
    n: theirs.n,
    median: theirs.median,
    p95: theirs.p95,
    ratio,
    ratioMeaning: input.ratioMeaning,
    ratioTarget: input.ratioTarget ?? null,
    pass: input.ratioTarget ? meets(ratio, input.ratioTarget) : null,
  };
}

/** One row of the results: the samples summarised, the target checked, the comparisons made. */
export function figure(spec: FigureSpec, samples: readonly number[], extras: FigureExtras = {}): Figure {
  const better = spec.better ?? 'lower';
  const summary = summarize(samples, better);
  const target = spec.target ?? null;
  const targetPass = target ? meets(statisticOf(summary, target.statistic), target) : null;
  const comparisons = (extras.comparisons ?? []).map((input) => compare(summary, spec.unit, input, better));
  const checks = [targetPass, ...comparisons.map((c) => c.pass)].filter((pass): pass is boolean => pass !== null);
  return {
    id: spec.id,
    title: spec.title,
    unit: spec.unit,
    better,
    samples: [...samples],
    ...summary,
    target,
    targetPass,
    comparisons,
    pass: checks.length === 0 ? null : checks.every(Boolean),
    whereTheTimeGoes: [...(extras.whereTheTimeGoes ?? [])],
    notes: [...(extras.notes ?? [])],
  };
}
