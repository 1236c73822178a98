import type { ClusterKind } from './cluster-fingerprints';

const MINUTE_MS = 60_000;

export interface ClusterFacts {
  readonly kind: ClusterKind;
  readonly label: string;
  readonly size: number;
  readonly firstAt: number;
  readonly lastAt: number;
}

function spanText(ms: number): string {
  if (ms < MINUTE_MS) return 'within a minute';
  if (ms < 90 * MINUTE_MS) return `within ${Math.ceil(ms / MINUTE_MS)} min`;
  return `within ${(ms / (60 * MINUTE_MS)).toFixed(1)} h`;
}

const SHARED: Readonly<Record<ClusterKind, string>> = {
  link: 'the same link',
  name: 'the same name pattern',
  answers: 'near-identical answers',
};

/** Why requests are grouped, in words: "14 requests within 40 min with the same name pattern “crypto gains #”". */
export function clusterReasonText(cluster: ClusterFacts): string {
  const label = cluster.label.length > 60 ? `${cluster.label.slice(0, 60)}…` : cluster.label;
  return `${cluster.size.toLocaleString('en-US')} requests ${spanText(cluster.lastAt - cluster.firstAt)} with ${SHARED[cluster.kind]} “${label}”`;
}
