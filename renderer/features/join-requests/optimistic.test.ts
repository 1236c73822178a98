import { describe, expect, it } from 'vitest';
import type { JoinRequestRow } from '@shared/domain/join-request';
import { dropAction, dropEntry, entryFor, hiddenIds, leavesQuery, overlayRow, settleEntry, statusAfter, type OptimisticEntry } from './optimistic';

const row = (id: string, status: JoinRequestRow['status'] = 'pending'): JoinRequestRow => ({
  id,
  personName: id,
  communityId: 'c',
  communityName: 'C',
  parentCommunityName: null,
  platform: 'sandbox',
  requestedAt: 0,
  accountCreatedAt: null,
  firstAnswer: '',
  signals: [],
  status,
  syncState: 'synced',
  handledElsewhereBy: null,
  clusterKey: null,
  clusterSize: 0,
  clusterReason: null,
  reviewRule: null,
});

const entry = (key: number, ids: string[], extra: Partial<OptimisticEntry> = {}): OptimisticEntry => ({
  key,
  actionId: null,
  status: 'declined',
  ids: new Map(ids.map((id, index) => [id, index])),
  query: null,
  hideIn: 'q',
  ...extra,
});

describe('optimistic overlay', () => {
  it('knows which status each decision leads to and when rows leave the query', () => {
    expect(statusAfter('decline-ban')).toBe('declined');
    expect(statusAfter('snooze')).toBe('snoozed');
    expect(leavesQuery({ status: 'pending' }, 'approved')).toBe(true);
    expect(leavesQuery({}, 'approved')).toBe(false);
    expect(leavesQuery({ status: 'approved' }, 'approved')).toBe(false);
  });

  it('shows a decided row with its new status, pending push, until main has it', () => {
    const entries = [entry(1, ['a'], { status: 'approved' })];
    expect(overlayRow(row('a'), entries, 'q')).toMatchObject({ status: 'approved', syncState: 'pending-push' });
    expect(overlayRow(row('b'), entries, 'q')).toEqual(row('b'));
    // Main caught up: its copy wins, with its real sync state.
    const synced = row('a', 'approved');
    expect(overlayRow(synced, entries, 'q')).toBe(synced);
  });

  it('covers every row of the query but the unticked ones for a bulk on "all"', () => {
    const entries = [entry(1, [], { query: { queryKey: 'q', except: new Set(['b']) }, hideIn: null })];
    expect(entryFor(row('a'), entries, 'q')?.key).toBe(1);
    expect(entryFor(row('b'), entries, 'q')).toBeNull();
    expect(entryFor(row('a'), entries, 'other')).toBeNull();
  });

  it('lets the newest entry win', () => {
    const entries = [entry(1, ['a'], { status: 'snoozed' }), entry(2, ['a'], { status: 'approved' })];
    expect(overlayRow(row('a'), entries, 'q').status).toBe('approved');
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
