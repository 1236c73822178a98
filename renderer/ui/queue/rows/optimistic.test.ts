import { describe, expect, it } from 'vitest';
import { dropAction, dropEntry, entryFor, hiddenIds, leavesQuery, overlayRow, settleEntry, type DecidableRow, type OptimisticEntry } from './optimistic';

type Status = 'pending' | 'approved' | 'declined' | 'snoozed' | 'handled-elsewhere';
interface Row extends DecidableRow {
  readonly status: Status;
}

const row = (id: string, status: Status = 'pending'): Row => ({ id, status, syncState: 'synced', handledElsewhereBy: null });
const overlay = (r: Row, entries: readonly OptimisticEntry<Status>[], queryKey: string) => overlayRow(r, entries, queryKey, 'pending');

const entry = (key: number, ids: string[], extra: Partial<OptimisticEntry<Status>> = {}): OptimisticEntry<Status> => ({
  key,
  actionId: null,
  status: 'declined',
  ids: new Map(ids.map((id, index) => [id, index])),
  query: null,
  hideIn: 'q',
  ...extra,
});

describe('optimistic overlay', () => {
  it('knows when rows leave the query', () => {
    expect(leavesQuery({ status: 'pending' }, 'approved')).toBe(true);
    expect(leavesQuery({}, 'approved')).toBe(false);
    expect(leavesQuery({ status: 'approved' }, 'approved')).toBe(false);
  });

  it('shows a decided row with its new status, pending push, until main has it', () => {
    const entries = [entry(1, ['a'], { status: 'approved' })];
    expect(overlay(row('a'), entries, 'q')).toMatchObject({ status: 'approved', syncState: 'pending-push' });
    expect(overlay(row('b'), entries, 'q')).toEqual(row('b'));
    // Main caught up: its copy wins, with its real sync state.
    const synced = row('a', 'approved');
    expect(overlay(synced, entries, 'q')).toBe(synced);
  });

  it('covers every row of the query but the unticked ones for a bulk on "all"', () => {
    const entries = [entry(1, [], { query: { queryKey: 'q', except: new Set(['b']) }, hideIn: null })];
    expect(entryFor(row('a'), entries, 'q', 'pending')?.key).toBe(1);
    expect(entryFor(row('b'), entries, 'q', 'pending')).toBeNull();
    expect(entryFor(row('a'), entries, 'other', 'pending')).toBeNull();
  });

  it('leaves rows decided elsewhere as main says', () => {
    const elsewhere = row('a', 'handled-elsewhere');
    expect(overlay(elsewhere, [entry(1, ['a'], { status: 'approved' })], 'q')).toBe(elsewhere);
  });

  it('lets the newest entry win', () => {
    const entries = [entry(1, ['a'], { status: 'snoozed' }), entry(2, ['a'], { status: 'approved' })];
    expect(overlay(row('a'), entries, 'q').status).toBe('approved');
  });

  it('hides rows only in the query they left, and forgets entries by key or action', () => {
    const entries = [entry(1, ['a', 'b']), entry(2, ['c'], { hideIn: null }), entry(3, ['d'], { hideIn: 'other' })];
    expect([...hiddenIds(entries, 'q')]).toEqual([['a', 0], ['b', 1]]);
    // Under another query (say, approved ones) the decided rows belong: not hidden there.
    expect([...hiddenIds(entries, 'other')]).toEqual([['d', 0]]);
    const settled = settleEntry(entries, 1, 'act-1');
    expect(settled[0]?.actionId).toBe('act-1');
    expect(dropAction(settled, 'act-1').map((e) => e.key)).toEqual([2, 3]);
    expect(dropEntry(settled, 2).map((e) => e.key)).toEqual([1, 3]);
  });
});
