import { describe, expect, it } from 'vitest';
import type { FlaggedRow } from '@shared/domain/flagged';
import { EMPTY_SELECTION, type SelectionState } from '../../ui/data-table';
import { resolveFlagTarget, type FlagTargetInput } from './flagTargets';

const row = (id: string, author: string, status: FlaggedRow['status'] = 'open') => ({ id, authorMemberId: author, authorName: `Name ${author}`, status }) as FlaggedRow;
const loaded = [row('f1', 'ann'), row('f2', 'bob'), row('f3', 'ann'), row('f4', 'ann', 'actioned')];
const input = (over: Partial<FlagTargetInput> = {}): FlagTargetInput => ({
  selection: EMPTY_SELECTION,
  focusedRow: loaded[0],
  filters: { status: 'open' },
  search: '',
  total: 40,
  loaded,
  ...over,
});

describe('resolveFlagTarget', () => {
  it('acts on the selection or the focused message, named as flags', () => {
    expect(resolveFlagTarget('target', input())).toMatchObject({ target: { kind: 'ids', ids: ['f1'] }, rows: [loaded[0]], description: 'the focused message' });
    const all: SelectionState = { ...EMPTY_SELECTION, rows: { mode: 'all', except: new Set(['f2']) } };
    expect(resolveFlagTarget('target', input({ selection: all }))).toMatchObject({ estimate: 39, description: 'all 39 matching flags' });
  });

  it('with Shift, reaches every open flag of the focused author', () => {
    expect(resolveFlagTarget('author', input())).toMatchObject({ target: { kind: 'author', flagId: 'f1' }, ids: ['f1', 'f3'], estimate: 2 });
  });

  it('has no author target when the focused message has no known author', () => {
    expect(resolveFlagTarget('author', input({ focusedRow: { ...loaded[0]!, authorMemberId: null } }))).toBeNull();
    expect(resolveFlagTarget('author', input({ focusedRow: undefined }))).toBeNull();
  });
});
