import { JOIN_REQUEST_STATUSES, signalBit } from '@shared/domain/join-request';
import { newId } from '@shared/ids';
import type { Tx } from '../database';
import { sql } from '../sql';
import { CLUSTER_KINDS, type ClusterKind, type Fingerprint } from './cluster-fingerprints';

export const HOUR_MS = 3_600_000;
/**
 * A burst has at least this many requests sharing a fingerprint in its hour and the
 * hours either side. Answers need more than a shared link or a numbered name pattern:
 * people who were told the same thing write the same short sentence.
 */
export const MIN_BURST: Readonly<Record<ClusterKind, number>> = { link: 3, name: 3, answers: 5 };
/** The hours before that window tell how common the fingerprint usually is. */
const BASELINE_HOURS = 24;
/**
 * A burst is at least SPIKE times the fingerprint's usual rate: "a friend invited me",
 * written all day long, never makes one, while a copy-pasted answer nobody wrote
 * yesterday does after a handful of requests.
 */
const SPIKE = 4;
const WINDOW_HOURS = 3;
const CLUSTER = signalBit('cluster');
/** Every status: lets a time range be read through the (status, requested_at, seq) index. */
const ANY_STATUS = JSON.stringify(JOIN_REQUEST_STATUSES);

/**
 * `covered`: how many of the baseline hours the store has history for (none at the
 * start of a first sync). Without any, only a shared link or name pattern can make a
 * burst: a common answer cannot be told from a copied one.
 */
export function isBurst(kind: ClusterKind, near: number, before: number, covered: number): boolean {
  if (near < MIN_BURST[kind]) return false;
  if (covered <= 0) return kind !== 'answers';
  return near * covered >= SPIKE * before * WINDOW_HOURS;
}

/** A request new to the store, with its fingerprints (stored space-separated in `cluster_fingerprints`). */
export interface BurstInput {
  readonly requestedAt: number;
  readonly fingerprints: readonly Fingerprint[];
}

export interface HourStats {
  f: string;
  h: number;
  /** Requests with the fingerprint in hours h-1..h+1. */
  near: number;
  /** In the BASELINE_HOURS before that. */
  before: number;
  key: string | null;
  /** A cluster already formed in h-1..h+1, which this hour joins. */
  neighbour: string | null;
  /** The earliest hour the store has any fingerprint for. */
  first: number;
}

const kindOf = (fingerprint: string) => fingerprint.slice(0, fingerprint.indexOf(':')) as ClusterKind;

/**
 * Groups near-identical requests that arrive in a burst, set-based for one ingested
 * batch: the batch's new requests are counted per fingerprint and hour, the hours they
 * touched are judged against their neighbours and the day before, and a burst hour gets
 * a cluster key that every request with that fingerprint in its window takes (and
 * later arrivals in those hours too). A request keeps the first cluster it joins; link
 * bursts are applied before name bursts, and name before answer bursts. Keys and bits
 * are only ever added.
 */
export async function markBursts(tx: Tx, rows: readonly BurstInput[], now: number): Promise<void> {
  const counts = new Map<string, { f: string; h: number; n: number }>();
  const labels = new Map<string, string>();
  for (const row of rows) {
    const h = Math.floor(row.requestedAt / HOUR_MS);
    for (const fp of row.fingerprints) {
      const entry = counts.get(`${fp.value}@${h}`) ?? { f: fp.value, h, n: 0 };
      entry.n++;
      counts.set(`${fp.value}@${h}`, entry);
      labels.set(fp.value, fp.label);
    }
  }
  if (counts.size === 0) return;
  const touched = JSON.stringify([...counts.values()]);
  await tx.run(sql`INSERT INTO cluster_hours (fingerprint, hour, n)
    SELECT value ->> 'f', value ->> 'h', value ->> 'n' FROM json_each(${touched}) WHERE true
    ON CONFLICT (fingerprint, hour) DO UPDATE SET n = n + excluded.n`);
  const stats = await tx.all<HourStats>(sql`WITH x AS (SELECT value ->> 'f' AS f, value ->> 'h' AS h FROM json_each(${touched}))
    SELECT x.f, x.h,
      (SELECT coalesce(sum(c.n), 0) FROM cluster_hours c WHERE c.fingerprint = x.f AND c.hour BETWEEN x.h - 1 AND x.h + 1) AS near,
      (SELECT coalesce(sum(c.n), 0) FROM cluster_hours c WHERE c.fingerprint = x.f AND c.hour BETWEEN x.h - 1 - ${BASELINE_HOURS} AND x.h - 2) AS before,
      (SELECT c.cluster_key FROM cluster_hours c WHERE c.fingerprint = x.f AND c.hour = x.h) AS key,
      (SELECT c.cluster_key FROM cluster_hours c WHERE c.fingerprint = x.f AND c.hour BETWEEN x.h - 1 AND x.h + 1
         AND c.cluster_key IS NOT NULL ORDER BY c.hour LIMIT 1) AS neighbour,
      (SELECT min(hour) FROM cluster_hours) AS first
    FROM x`);
  const hot = keyHotHours(stats, now);
  if (hot.length === 0) return;
  await keyWindows(tx, hot.filter((x) => x.fresh));
  for (const kind of CLUSTER_KINDS) {
    const ofKind = hot.filter((x) => kindOf(x.f) === kind);
    if (ofKind.length > 0) await joinClusters(tx, ofKind);
  }
  const clusters = [...new Map(hot.map((x) => [x.key, { key: x.key, kind: kindOf(x.f), label: labels.get(x.f) ?? '' }])).values()];
  await tx.run(sql`INSERT INTO join_request_clusters (key, kind, label, size, first_at, last_at)
    SELECT k.value ->> 'key', k.value ->> 'kind', k.value ->> 'label', count(*), min(j.requested_at), max(j.requested_at)
    FROM json_each(${JSON.stringify(clusters)}) k CROSS JOIN join_requests j ON j.cluster_key = k.value ->> 'key'
    WHERE true GROUP BY k.value ->> 'key'
    ON CONFLICT (key) DO UPDATE SET size = excluded.size, first_at = excluded.first_at, last_at = excluded.last_at`);
}

/** A new burst hour keys its whole window (the hours either side too), so later arrivals there join it. */
async function keyWindows(tx: Tx, fresh: readonly { f: string; h: number; key: string }[]): Promise<void> {
  if (fresh.length === 0) return;
  await tx.run(sql`UPDATE cluster_hours SET cluster_key = agg.key
    FROM (SELECT value ->> 'f' AS f, value ->> 'h' AS h, value ->> 'key' AS key FROM json_each(${JSON.stringify(fresh)})) agg
    WHERE cluster_hours.fingerprint = agg.f AND cluster_hours.hour BETWEEN agg.h - 1 AND agg.h + 1 AND cluster_hours.cluster_key IS NULL`);
}

/** The requests with a burst's fingerprint in its window, and no cluster yet, join it. */
async function joinClusters(tx: Tx, hot: readonly { f: string; h: number; key: string }[]): Promise<void> {
  await tx.run(sql`UPDATE join_requests SET cluster_key = agg.key, signals = signals | ${CLUSTER}
    FROM (SELECT j.seq AS seq, min(k.value ->> 'key') AS key FROM json_each(${JSON.stringify(hot)}) k
          CROSS JOIN join_requests j ON j.status IN (SELECT value FROM json_each(${ANY_STATUS}))
            AND j.requested_at >= (k.value ->> 'h' - 1) * ${HOUR_MS} AND j.requested_at < (k.value ->> 'h' + 2) * ${HOUR_MS}
            AND instr(' ' || j.cluster_fingerprints || ' ', ' ' || (k.value ->> 'f') || ' ') > 0
          GROUP BY j.seq) agg
    WHERE join_requests.seq = agg.seq AND join_requests.cluster_key IS NULL`);
}

/**
 * Which touched hours are cluster hours, and their keys: an hour already keyed keeps its
 * key; a new burst hour joins the cluster of a neighbouring hour (in the store or just
 * decided in this batch), else starts one. Pure apart from the new ids.
 */
export function keyHotHours(stats: readonly HourStats[], now: number): { f: string; h: number; key: string; fresh: boolean }[] {
  const sorted = [...stats].sort((a, b) => (a.f < b.f ? -1 : a.f > b.f ? 1 : a.h - b.h));
  const assigned = new Map<string, string>();
  const hot: { f: string; h: number; key: string; fresh: boolean }[] = [];
  for (const s of sorted) {
    const covered = Math.min(BASELINE_HOURS, s.h - 2 - Math.max(s.first, s.h - 1 - BASELINE_HOURS) + 1);
    if (s.key === null && !isBurst(kindOf(s.f), s.near, s.before, covered)) continue;
    const key = s.key ?? assigned.get(`${s.f}@${s.h - 1}`) ?? s.neighbour ?? newId(now);
    assigned.set(`${s.f}@${s.h}`, key);
    hot.push({ f: s.f, h: s.h, key, fresh: s.key === null });
  }
  return hot;
}
