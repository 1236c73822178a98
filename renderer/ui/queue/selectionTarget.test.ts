import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, type SelectionState } from '../data-table';
import { plural, resolveSelection, type SelectionInput } from './selectionTarget';

interface Row {
  readonly id: string;
}
const nouns = { row: 'item', focused: 'the focused item' };
const loaded: Row[] = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
const base: SelectionInput<{ status: string }, Row> = { selection: EMPTY_SELECTION, focusedRow: loaded[0], filters: { status: 'open' }, search: '', total: 40, loaded };
const input = (over: Partial<SelectionInput<{ status: string }, Row>> = {}) => ({ ...base, ...over });

describe('resolveSelection', () => {
  it('takes the focused row when nothing is selected, and nothing without one', () => {
    expect(resolveSelection(input(), nouns)).toEqual({ target: { kind: 'ids', ids: ['a'] }, estimate: 1, ids: ['a'], rows: [loaded[0]], except: null, description: 'the focused item' });
    expect(resolveSelection(input({ focusedRow: undefined }), nouns)).toBeNull();
  });

  it('takes a selection by id, with the loaded rows among it', () => {
    const some: SelectionState = { rows: { mode: 'some', ids: new Set(['b', 'z']) }, anchor: null };
    expect(resolveSelection(input({ selection: some }), nouns)).toMatchObject({ target: { kind: 'ids', ids: ['b', 'z'] }, estimate: 2, rows: [{ id: 'b' }], description: '2 selected items' });
    const one: SelectionState = { rows: { mode: 'some', ids: new Set(['c']) }, anchor: null };
    expect(resolveSelection(input({ selection: one }), nouns)?.description).toBe('1 selected item');
  });

  it('turns "all" into the query minus the unticked, with the trimmed search', () => {
    const all: SelectionState = { rows: { mode: 'all', except: new Set(['b']) }, anchor: null };
    expect(resolveSelection(input({ selection: all, search: ' spam ' }), nouns)).toEqual({
      target: { kind: 'query', filters: { status: 'open' }, except: ['b'], search: 'spam' },
      estimate: 39,
      ids: [],
      rows: [{ id: 'a' }, { id: 'c' }],
      except: ['b'],
      description: 'all 39 matching items',
    });
    expect(resolveSelection(input({ selection: all }), nouns)?.target).not.toHaveProperty('search');
    expect(resolveSelection(input({ selection: all, total: 0 }), nouns)?.estimate).toBe(0);
  });

  it('counts in words', () => {
    expect(plural(1, 'community', 'communities')).toBe('1 community');
    expect(plural(1200, 'flag')).toBe(`${(1200).toLocaleString()} flags`);
  });
});
