import { describe, expect, it } from 'vitest';
import type { JoinRequestRow } from '@shared/domain/join-request';
import { EMPTY_SELECTION, type SelectionState } from '../../ui/data-table';
import { resolveTarget, type TargetInput } from './targets';

const focusedRow = { id: 'r1' } as JoinRequestRow;
const base: TargetInput = { selection: EMPTY_SELECTION, focusedRow, filters: { status: 'pending' }, search: '', total: 120, cluster: null };
const some = (ids: string[]): SelectionState => ({ rows: { mode: 'some', ids: new Set(ids) }, anchor: null });

describe('resolveTarget', () => {
  it('takes the selection or the focused row, named as requests', () => {
    expect(resolveTarget('target', base)).toMatchObject({ target: { kind: 'ids', ids: ['r1'] }, estimate: 1, description: 'the focused request' });
    const resolved = resolveTarget('target', { ...base, selection: some(['a', 'b']) });
    expect(resolved).toMatchObject({ target: { kind: 'ids', ids: ['a', 'b'] }, estimate: 2, description: '2 selected requests' });
  });

  it('decides a cluster only when the focused row has one', () => {
    expect(resolveTarget('cluster', base)).toBeNull();
    const resolved = resolveTarget('cluster', { ...base, cluster: { key: 'k', size: 12 } });
    expect(resolved).toMatchObject({ target: { kind: 'cluster', clusterKey: 'k' }, estimate: 12, ids: ['r1'] });
  });
});
