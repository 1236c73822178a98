import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JoinRequestItem } from '@shared/connectors';
import { signalBit } from '@shared/domain/join-request';
import type { Tx } from '../database';
import { sql, type SqlQuery } from '../sql';
import { answersPattern, fingerprintsOf, linksIn, namePattern } from './cluster-fingerprints';
import { clusterReasonText } from './cluster-reason';
import { HOUR_MS, isBurst } from './join-request-bursts';
import { ingestJoinRequests } from './join-requests-ingest';
import { addConnection, joinRequest, openTempStore, person, T0, type TempStore } from './testing';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore();
  await addConnection(temp.store);
});
afterEach(() => temp.cleanup());

const MINUTE = 60_000;
const ingest = (items: JoinRequestItem[], now = T0) => temp.store.writer.transaction((tx) => ingestJoinRequests(tx, 'CONN', items, now));

interface Row {
  external_id: string;
  cluster_key: string | null;
  signals: number;
}
const rows = () => temp.store.reader.all<Row>(sql`SELECT external_id, cluster_key, signals FROM join_requests ORDER BY seq`);
const clusters = () => temp.store.reader.all<{ key: string; kind: string; label: string; size: number }>(sql`SELECT key, kind, label, size FROM join_request_clusters`);
const CLUSTER = signalBit('cluster');

/** Ordinary people: different names, no digits, answers from a small stock. */
const ordinary = (ext: string, at: number, answer: string) =>
  joinRequest(ext, { requestedAt: at, person: person(`p-${ext}`, { displayName: `Olivia ${ext.replace(/\d/g, '')}` }), answers: [{ question: 'Why?', answer }] });

/** A raid: numbered throwaway names, the same plea with small variations, seconds apart. */
const raider = (n: number, start: number) =>
  joinRequest(`raid${n}`, {
    requestedAt: start + n * 150_000,
    person: person(`r-${n}`, { displayName: `promo team ${1000 + n}` }),
    answers: [{ question: 'Why?', answer: ['hi pls accept', 'Hi pls accept!!', 'hi pls accept.', 'HI PLS ACCEPT 🙏'][n % 4]! }],
  });

describe('fingerprints', () => {
  it('see the same link, name pattern and near-same answers however written', () => {
    expect(linksIn('join https://T.me/CryptoGains! now')).toEqual(['t.me/cryptogains']);
    expect(linksIn('see www.free-gift.example/claim?id=7.')).toEqual(['free-gift.example/claim?id=7']);
    expect(linksIn('I love hiking, e.g. in the alps')).toEqual([]);
    expect(namePattern('crypto gains 1042')).toBe(namePattern('Crypto Gains 7'));
    expect(namePattern('Olivia Smith')).toBeNull();
    expect(answersPattern({ answers: [{ question: 'q', answer: 'Pleeease accept me 100%!!' }] })).toBe(
      answersPattern({ answers: [{ question: 'q', answer: 'please accept me 7 %' }] }),
    );
    expect(answersPattern({ answers: [{ question: 'q', answer: 'yes' }] })).toBeNull();
    const kinds = fingerprintsOf(joinRequest('x', { person: person('u', { displayName: 'deals 4 u 99' }), answers: [{ question: 'q', answer: 'go to bit.ly/abc now' }] }));
    expect(kinds.map((f) => f.kind)).toEqual(['link', 'name', 'answers']);
  });

  it('cost nothing extra on a 100 KB answer', () => {
    const huge = 'x'.repeat(100_000) + ' t.me/late';
    const started = performance.now();
    expect(fingerprintsOf(joinRequest('x', { answers: [{ question: 'q', answer: huge }] })).length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('isBurst', () => {
  it('needs a handful, and a rate well above the usual one', () => {
    expect(isBurst('name', 3, 0, 24)).toBe(true);
    expect(isBurst('answers', 4, 0, 24)).toBe(false);
    expect(isBurst('answers', 5, 0, 24)).toBe(true);
    expect(isBurst('answers', 20, 48, 24)).toBe(false);
    expect(isBurst('answers', 30, 48, 24)).toBe(true);
    expect(isBurst('answers', 50, 0, 0)).toBe(false);
    expect(isBurst('link', 3, 0, 0)).toBe(true);
  });
});

describe('clusters are bursts of near-identical requests', () => {
  it('groups a raid into one cluster, across batches and an hour boundary, and says why', async () => {
    // A day of ordinary history first, so the raid has something to be compared with.
    await ingest(Array.from({ length: 24 }, (_, i) => ordinary(`h${i}`, T0 - 30 * HOUR_MS + i * HOUR_MS, 'I love this hobby and want to learn')));
    const start = T0 + 50 * MINUTE; // 10 raiders before the hour, 6 after
    const raid = Array.from({ length: 16 }, (_, n) => raider(n, start));
    await ingest(raid.slice(0, 7));
    await ingest([...raid.slice(7), ordinary('calm', start + 20 * MINUTE, 'A friend invited me')]);
    const byExt = new Map((await rows()).map((r) => [r.external_id, r]));
    const keys = new Set(raid.map((r) => byExt.get(r.externalId)?.cluster_key));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toBeTruthy();
    for (const r of raid) expect((byExt.get(r.externalId)?.signals ?? 0) & CLUSTER).toBe(CLUSTER);
    expect(byExt.get('calm')?.cluster_key).toBeNull();
    const [cluster] = await clusters();
    expect(cluster).toMatchObject({ kind: 'name', label: 'promo team #', size: 16 });
    expect(clusterReasonText({ kind: 'name', label: 'promo team #', size: 16, firstAt: start, lastAt: start + 15 * 150_000 })).toBe(
      '16 requests within 38 min with the same name pattern “promo team #”',
    );
  });

  it('leaves ordinary requests with a common short answer alone when they are far apart', async () => {
    const spread = Array.from({ length: 12 }, (_, i) => ordinary(`o${i}`, T0 + i * 5 * HOUR_MS, 'A friend invited me'));
    for (const item of spread) await ingest([item]);
    await ingest(Array.from({ length: 10 }, (_, i) => ordinary(`y${i}`, T0 + 70 * HOUR_MS + i * MINUTE, 'yes')));
    expect((await rows()).filter((r) => r.cluster_key !== null || (r.signals & CLUSTER) !== 0)).toEqual([]);
    expect(await clusters()).toEqual([]);
  });

  it('does not take an answer people write all day for a raid', async () => {
    const steady = Array.from({ length: 40 * 3 }, (_, i) => ordinary(`s${i}`, T0 + Math.floor(i / 3) * HOUR_MS + (i % 3) * 7 * MINUTE, 'A friend invited me'));
    for (let i = 0; i < steady.length; i += 12) await ingest(steady.slice(i, i + 12));
    expect((await rows()).filter((r) => r.cluster_key !== null)).toEqual([]);
  });

  it('groups the same link sent from different people in one wave', async () => {
    const wave = Array.from({ length: 4 }, (_, i) => ordinary(`l${i}`, T0 + i * 10 * MINUTE, `${['hey', 'join', 'look', 'see'][i]} t.me/freegifts`));
    await ingest(wave);
    const keyed = (await rows()).map((r) => r.cluster_key);
    expect(new Set(keyed).size).toBe(1);
    expect((await clusters())[0]).toMatchObject({ kind: 'link', label: 't.me/freegifts', size: 4 });
  });
});

describe('burst query plans', () => {
  it('search by index and keep the batch as the outer loop when a burst is found', async () => {
    await ingest(Array.from({ length: 24 }, (_, i) => ordinary(`h${i}`, T0 - 30 * HOUR_MS + i * HOUR_MS, 'I love this hobby and want to learn')));
    const issued: SqlQuery[] = [];
    await temp.store.writer.transaction(async (tx) => {
      const recording: Tx = { ...tx, run: (q) => (issued.push(q), tx.run(q)), all: (q) => (issued.push(q), tx.all(q)), get: (q) => (issued.push(q), tx.get(q)) };
      await ingestJoinRequests(recording, 'CONN', Array.from({ length: 6 }, (_, n) => raider(n, T0)), T0);
    });
    const plans = await temp.store.writer.transaction(async (tx) =>
      Promise.all(issued.map(async (q) => ({ text: q.text, plan: await tx.all<{ detail: string }>({ text: `EXPLAIN QUERY PLAN ${q.text}`, values: q.values }) }))),
    );
    expect(plans.some((p) => p.text.includes('UPDATE join_requests SET cluster_key'))).toBe(true);
    // The batch (json_each, and small tables built from it) may be scanned; stored tables only searched.
    const scans = plans
      .filter((p) => p.text.includes('cluster_'))
      .flatMap((p) => p.plan.map((s) => s.detail).filter((d) => d.startsWith('SCAN ') && !d.includes('VIRTUAL TABLE') && !/^SCAN (agg|x)$/.test(d)));
    expect(scans).toEqual([]);
  });
});
