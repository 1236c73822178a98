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
  it('acts on the focused message when nothing is selected', () => {
    expect(resolveFlagTarget('target', input())).toMatchObject({ target: { kind: 'ids', ids: ['f1'] }, description: 'the focused message' });
    expect(resolveFlagTarget('target', input({ focusedRow: undefined }))).toBeNull();
  });

  it('acts on a selection by id, or on everything matching minus the unticked', () => {
    const ids: SelectionState = { ...EMPTY_SELECTION, rows: { mode: 'some', ids: new Set(['f2', 'f3']) } };
    expect(resolveFlagTarget('target', input({ selection: ids }))).toMatchObject({ target: { kind: 'ids', ids: ['f2', 'f3'] }, estimate: 2 });
    const all: SelectionState = { ...EMPTY_SELECTION, rows: { mode: 'all', except: new Set(['f2']) } };
    expect(resolveFlagTarget('target', input({ selection: all, search: ' spam ' }))).toMatchObject({
      target: { kind: 'query', filters: { status: 'open' }, except: ['f2'], search: 'spam' },
      estimate: 39,
      ids: [],
      description: 'all 39 matching flags',
    });
  });

  it('with Shift, reaches every open flag of the focused author', () => {
    expect(resolveFlagTarget('author', input())).toMatchObject({ target: { kind: 'author', flagId: 'f1' }, ids: ['f1', 'f3'], estimate: 2 });
  });
});
