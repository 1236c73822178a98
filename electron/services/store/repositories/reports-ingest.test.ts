import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportItem } from '@shared/connectors';
import { sql } from '../sql';
import { ingestReports } from './reports-ingest';
import { addConnection, message, openTempStore, report, T0, type TempStore } from './testing';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore();
  await addConnection(temp.store);
});
afterEach(() => temp.cleanup());

const ingest = (items: ReportItem[]) => temp.store.writer.transaction((tx) => ingestReports(tx, 'CONN', items, T0));
const flags = () =>
  temp.store.reader.all<{ report_count: number; reasons: string; first_reported_at: number; last_reported_at: number; status: string; handled_elsewhere_by: string | null }>(
    sql`SELECT report_count, reasons, first_reported_at, last_reported_at, status, handled_elsewhere_by FROM flags`,
  );

describe('ingestReports', () => {
  it('merges reports about one message into one flag, with its conversation, and a re-pull counts nothing twice', async () => {
    const items = [
      report('p1', { reason: 'spam', reportedAt: T0 }),
      report('p2', { reason: 'harassment', reportedAt: T0 + 10 }),
      report('p3', { reason: 'spam', reportedAt: T0 + 20 }),
    ];
    await ingest(items);
    await ingest(items);
    expect(await flags()).toEqual([
      { report_count: 3, reasons: '["spam","harassment"]', first_reported_at: T0, last_reported_at: T0 + 20, status: 'open', handled_elsewhere_by: null },
    ]);
    expect(await temp.store.reader.get(sql`SELECT count(*) AS n FROM messages`)).toEqual({ n: 3 });
    expect(await temp.store.reader.get(sql`SELECT count(*) AS n FROM reports`)).toEqual({ n: 3 });
    expect(await temp.store.reader.get(sql`SELECT n FROM queue_counts WHERE queue = 'flags' AND status = 'open'`)).toEqual({ n: 1 });
  });

  it('marks an open flag handled elsewhere once the platform resolved all its reports, keeping our own decisions', async () => {
    await ingest([report('p1'), report('q1', { message: message('other') })]);
    await temp.store.writer.transaction((tx) =>
      tx.run(sql`UPDATE flags SET status = 'dismissed', decided_by = 'me' WHERE message_id = (SELECT id FROM messages WHERE external_id = 'other')`),
    );
    const by = { name: 'Mod Two', at: T0 + 99 };
    await ingest([report('p1', { version: '2', status: 'resolved', handledBy: by }), report('q1', { version: '2', message: message('other'), status: 'resolved', handledBy: by })]);
    expect((await flags()).map((f) => [f.status, f.handled_elsewhere_by])).toEqual([
      ['handled-elsewhere', 'Mod Two'],
      ['dismissed', null],
    ]);
  });
});
