import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flagDetail } from '../../queries/flag-detail';
import { addConnection, message, openTempStore, person, report, type TempStore } from '../../store/repositories/testing';
import { sql } from '../../store/sql';
import { decide, flagIdOf, ingest, NOW } from '../testing';
import { exportCase } from './export';
import { evidenceSummaries } from './verify';

let temp: TempStore;
let flagId: string;
const around = Array.from({ length: 25 }, (_, i) => message(`c${i}`, { author: person(`u${i % 4}`), body: `line ${i}`, sentAt: NOW - 100_000 + i * 1_000 }));

beforeEach(async () => {
  temp = await openTempStore('modboard-evidence-');
  await addConnection(temp.store);
  const flagged = message('bad', { author: person('ann', { displayName: 'Ann' }), body: 'send me your password', sentAt: NOW - 100_000 + 12_500 });
  await ingest(temp.store, [report('p1', { message: flagged, context: around, reason: 'phishing', reporter: { name: 'Bea' } })]);
  flagId = await flagIdOf(temp.store, 'bad');
  await decide(temp.store, { kind: 'ids', ids: [flagId] }, { kind: 'remove-warn', warningText: 'x' }, { warning: { rule: 'No scams', template: 'Removed: {{rule}}' } });
});
afterEach(() => temp.cleanup());

describe('evidence of a decided case', () => {
  it('keeps the message, its ten neighbours either side, the reasons, actor and time, hashed and verified', async () => {
    const detail = await flagDetail(temp.store.reader, flagId);
    expect(detail.before.map((m) => m.externalId)).toEqual(['c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11', 'c12']);
    expect(detail.after.map((m) => m.externalId)).toEqual(['c13', 'c14', 'c15', 'c16', 'c17', 'c18', 'c19', 'c20', 'c21', 'c22']);
    expect(detail.evidence).toEqual([expect.objectContaining({ decision: 'remove-warn', actor: 'me', verified: true, problem: null })]);

    const exported = JSON.parse((await exportCase(temp.store.reader, flagId, 'json', NOW)).text);
    const [evidence] = exported.evidence;
    expect(evidence).toMatchObject({ actor: 'me', capturedAt: NOW, verified: true, sha256: detail.evidence[0]?.sha256 });
    expect(evidence.snapshot.message).toMatchObject({ externalId: 'bad', body: 'send me your password', author: { name: 'Ann', externalId: 'ann' } });
    expect(evidence.snapshot.before).toHaveLength(10);
    expect(evidence.snapshot.after).toHaveLength(10);
    expect(evidence.snapshot.reports).toEqual([expect.objectContaining({ reporter: 'Bea', reason: 'phishing' })]);
    expect(evidence.snapshot.decision).toMatchObject({ action: 'remove-warn', actor: 'me', at: NOW, note: 'Removed: No scams' });

    const csv = (await exportCase(temp.store.reader, flagId, 'csv', NOW)).text.split('\r\n');
    expect(csv[0]).toBe('"evidence_id","action_id","decision","captured_at","actor","sha256","verified","part","position","author","sent_at","text","reporter"');
    expect(csv.filter((line) => line.includes('"flagged"'))[0]).toContain('"send me your password"');
    expect(csv.filter((line) => line.includes('"report"'))[0]).toContain('"phishing","Bea"');
  });

  it('survives the message’s deletion (and its flag’s), and still verifies', async () => {
    await temp.store.writer.transaction((tx) => tx.run(sql`DELETE FROM messages WHERE external_id = 'bad'`));
    expect(await temp.store.reader.get(sql`SELECT count(*) AS n FROM flags`)).toEqual({ n: 0 });
    const [kept] = await evidenceSummaries(temp.store.reader, flagId);
    expect(kept).toMatchObject({ verified: true });
    expect(JSON.parse((await exportCase(temp.store.reader, flagId, 'json', NOW)).text).evidence[0].snapshot.message.body).toBe('send me your password');
  });

  it('refuses edits in place, and shows any tampering with the stored snapshot or its hash', async () => {
    await expect(temp.store.writer.transaction((tx) => tx.run(sql`UPDATE flag_evidence SET snapshot = '{}'`))).rejects.toThrow(/append-only/);
    const tamper = (change: string) =>
      temp.store.writer.transaction(async (tx) => {
        await tx.run(sql`DROP TRIGGER flag_evidence_no_update`);
        await tx.run({ text: change, values: [] });
      });
    await tamper(`UPDATE flag_evidence SET snapshot = replace(snapshot, 'password', 'passport')`);
    expect((await evidenceSummaries(temp.store.reader, flagId))[0]).toMatchObject({ verified: false, problem: expect.stringMatching(/no longer matches its hash/) });
    await temp.store.writer.transaction((tx) => tx.run(sql`UPDATE flag_evidence SET sha256 = ${'0'.repeat(64)}`));
    const { createHash } = await import('node:crypto');
    const row = await temp.store.reader.get<{ snapshot: string }>(sql`SELECT snapshot FROM flag_evidence`);
    const rehashed = createHash('sha256').update(row?.snapshot ?? '').digest('hex');
    await temp.store.writer.transaction((tx) => tx.run(sql`UPDATE flag_evidence SET sha256 = ${rehashed}`));
    // Hash recomputed to match: the audit log's copy (append-only) still tells.
    expect((await evidenceSummaries(temp.store.reader, flagId))[0]).toMatchObject({ verified: false, problem: expect.stringMatching(/audit log recorded/) });
    expect(JSON.parse((await exportCase(temp.store.reader, flagId, 'json', NOW)).text).evidence[0].verified).toBe(false);
  });
});
