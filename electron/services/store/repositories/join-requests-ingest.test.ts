import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signalBit, signalsFromBits } from '@shared/domain/join-request';
import type { JoinRequestItem } from '@shared/connectors';
import { sql } from '../sql';
import { ingestJoinRequests } from './join-requests-ingest';
import { addConnection, joinRequest, openTempStore, person, T0, type TempStore } from './testing';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore();
  await addConnection(temp.store);
});
afterEach(() => temp.cleanup());

const ingest = (items: JoinRequestItem[], now = T0) => temp.store.writer.transaction((tx) => ingestJoinRequests(tx, 'CONN', items, now));

interface Row {
  external_id: string;
  status: string;
  handled_elsewhere_by: string | null;
  handled_elsewhere_at: number | null;
  signals: number;
  version: string;
  community_sort: string;
  person_sort: string;
}
const rows = () =>
  temp.store.reader.all<Row>(sql`SELECT external_id, status, handled_elsewhere_by, handled_elsewhere_at, signals, version, community_sort, person_sort
    FROM join_requests ORDER BY external_id`);
const row = async (ext: string) => (await rows()).find((r) => r.external_id === ext);

describe('ingestJoinRequests', () => {
  it('lands each item once, with a placeholder community and its member, and a second pull adds nothing', async () => {
    const items = [joinRequest('r1'), joinRequest('r2'), joinRequest('r1')];
    await ingest(items);
    await ingest(items);
    expect((await rows()).map((r) => r.external_id)).toEqual(['r1', 'r2']);
    expect(await temp.store.reader.all(sql`SELECT external_id, name, tree_key FROM communities`)).toEqual([{ external_id: 'c1', name: 'c1', tree_key: 'c1' }]);
    expect(await temp.store.reader.get(sql`SELECT count(*) AS n FROM members`)).toEqual({ n: 2 });
    expect(await temp.store.reader.get(sql`SELECT n FROM queue_counts WHERE queue = 'join_requests' AND status = 'pending'`)).toEqual({ n: 2 });
    expect((await row('r1'))?.community_sort).toBe('c1');
  });

  it('updates rows in place: decided elsewhere (with who and when), withdrawn, our own decision kept', async () => {
    await ingest([joinRequest('r1'), joinRequest('r2'), joinRequest('r3'), joinRequest('r4')]);
    await temp.store.writer.transaction(async (tx) => {
      await tx.run(sql`UPDATE join_requests SET status = 'approved', decision = 'approve', decided_by = 'me' WHERE external_id = 'r3'`);
      await tx.run(sql`UPDATE join_requests SET status = 'snoozed' WHERE external_id = 'r4'`);
    });
    const by = { name: 'Other Admin', at: T0 + 5_000 };
    await ingest([
      joinRequest('r1', { version: '2', status: 'declined', handledBy: by }),
      joinRequest('r2', { version: '2', status: 'withdrawn' }),
      joinRequest('r3', { version: '2', status: 'declined', handledBy: by }),
      joinRequest('r4', { version: '2', status: 'approved', handledBy: by }),
    ]);
    expect(await row('r1')).toMatchObject({ status: 'handled-elsewhere', handled_elsewhere_by: 'Other Admin', handled_elsewhere_at: T0 + 5_000, version: '2' });
    expect(await row('r2')).toMatchObject({ status: 'withdrawn', handled_elsewhere_by: null });
    expect(await row('r3')).toMatchObject({ status: 'approved', handled_elsewhere_by: null });
    expect(await row('r4')).toMatchObject({ status: 'handled-elsewhere', handled_elsewhere_by: 'Other Admin' });
    const counts = await temp.store.reader.all(sql`SELECT status, n FROM queue_counts WHERE n > 0 ORDER BY status`);
    expect(counts).toEqual([
      { status: 'approved', n: 1 },
      { status: 'handled-elsewhere', n: 2 },
      { status: 'withdrawn', n: 1 },
    ]);
  });

  it('takes an item first seen already decided as handled elsewhere', async () => {
    await ingest([joinRequest('r1', { status: 'approved', handledBy: { name: 'Ann', at: T0 } })]);
    expect(await row('r1')).toMatchObject({ status: 'handled-elsewhere', handled_elsewhere_by: 'Ann' });
  });

  it('marks many requests in a day across batches, counting older rows in', async () => {
    const spammer = person('spammer');
    await ingest([joinRequest('a', { person: spammer, requestedAt: T0 }), joinRequest('b', { person: spammer, requestedAt: T0 + 3_600_000 })]);
    expect((await row('a'))?.signals).toBe(0);
    await ingest([
      joinRequest('c', { person: spammer, requestedAt: T0 + 7_200_000, communityExternalId: 'c2' }),
      joinRequest('far', { person: spammer, requestedAt: T0 + 10 * 86_400_000 }),
    ]);
    for (const ext of ['a', 'b', 'c']) expect(signalsFromBits((await row(ext))?.signals ?? 0), ext).toContain('many-requests-today');
    expect((await row('far'))?.signals).toBe(0);
  });

  it('marks a burst of numbered throwaway accounts as one cluster, in this batch and later ones (more in join-request-bursts.test.ts)', async () => {
    const raid = (ext: string, answer: string) =>
      joinRequest(ext, { person: person(`u-${ext}`, { displayName: `free followers ${ext.slice(1)}` }), answers: [{ question: 'q', answer }] });
    await ingest([raid('r1', 'hi pls accept'), raid('r2', 'Hi pls accept!!')]);
    expect((await row('r1'))?.signals).toBe(0);
    await ingest([raid('r3', 'hi pls accept.'), joinRequest('lone', { person: person('u-lone', { displayName: 'Olivia Lone' }) })]);
    await ingest([raid('r4', 'HI PLS ACCEPT')]);
    const bit = signalBit('cluster');
    for (const ext of ['r1', 'r2', 'r3', 'r4']) expect(((await row(ext))?.signals ?? 0) & bit, ext).toBe(bit);
    expect(((await row('lone'))?.signals ?? 0) & bit).toBe(0);
  });

  it('marks a person we declined before as declined elsewhere on their next request', async () => {
    const someone = person('someone');
    await ingest([joinRequest('first', { person: someone })]);
    await temp.store.writer.transaction((tx) => tx.run(sql`UPDATE join_requests SET status = 'declined', decision = 'decline' WHERE external_id = 'first'`));
    await ingest([joinRequest('second', { person: someone, communityExternalId: 'c2' })]);
    expect(signalsFromBits((await row('second'))?.signals ?? 0)).toContain('declined-elsewhere');
  });

  it('sorts people by their lower-cased name, beyond ASCII', async () => {
    await ingest([joinRequest('r1', { person: person('u1', { displayName: 'ÉLODIE Ñuñez' }) })]);
    expect((await row('r1'))?.person_sort).toBe('élodie ñuñez');
  });
});
