import { describe, expect, it } from 'vitest';
import type { FlaggedRow } from '@shared/domain/flagged';
import { hiddenFlagIds, leavesQuery, overlayFlagRow, statusAfter, type FlagOverlayEntry } from './overlay';

const row = (id: string, status: FlaggedRow['status'] = 'open') => ({ id, status, syncState: 'synced', handledElsewhereBy: null }) as FlaggedRow;
const entry = (key: number, ids: string[], over: Partial<FlagOverlayEntry> = {}): FlagOverlayEntry => ({
  key,
  actionId: null,
  status: 'actioned',
  ids: new Map(ids.map((id, i) => [id, i])),
  hideIn: 'open-query',
  ...over,
});

describe('the flagged queue’s optimistic overlay', () => {
  it('shows acted-on open rows decided and waiting to be pushed; other rows and decided ones stay as main says', () => {
    const entries = [entry(1, ['a']), entry(2, ['b'], { status: 'dismissed' })];
    expect(overlayFlagRow(row('a'), entries)).toMatchObject({ status: 'actioned', syncState: 'pending-push' });
    expect(overlayFlagRow(row('b'), entries)).toMatchObject({ status: 'dismissed' });
    expect(overlayFlagRow(row('c'), entries).status).toBe('open');
    expect(overlayFlagRow(row('a', 'handled-elsewhere'), entries).status).toBe('handled-elsewhere');
  });

  it('hides rows only in the query they leave', () => {
    const entries = [entry(1, ['a', 'b']), entry(2, ['c'], { hideIn: null })];
    expect([...hiddenFlagIds(entries, 'open-query').keys()]).toEqual(['a', 'b']);
    expect(hiddenFlagIds(entries, 'any-status').size).toBe(0);
    expect(leavesQuery({ status: 'open' }, statusAfter('remove'))).toBe(true);
    expect(leavesQuery({}, statusAfter('dismiss'))).toBe(false);
  });
});
