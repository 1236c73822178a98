import { describe, expect, it } from 'vitest';
import type { JoinRequestRow } from '@shared/domain/join-request';
import { focusedCluster, toggledCluster } from './clusters';

const row = (clusterKey: string | null, clusterSize = 0) => ({ id: 'r', clusterKey, clusterSize }) as JoinRequestRow;

describe('clusters in the queue', () => {
  it('decide the focused row’s cluster without waiting for its detail, sized as best known', () => {
    expect(focusedCluster(row('k', 14), undefined, { status: 'pending' }, 500)).toEqual({ key: 'k', size: 14 });
    expect(focusedCluster(row('k', 14), { clusterKey: 'k', clusterSize: 9 }, { status: 'pending' }, 500)).toEqual({ key: 'k', size: 9 });
    expect(focusedCluster(row('k', 14), undefined, { status: 'pending', clusterKey: 'k' }, 11)).toEqual({ key: 'k', size: 11 });
    expect(focusedCluster(row(null), undefined, { status: 'pending' }, 500)).toBeNull();
    expect(focusedCluster(undefined, undefined, { status: 'pending', clusterKey: 'k' }, 3)).toEqual({ key: 'k', size: 3 });
  });

  it('toggle between the focused row’s cluster and everything', () => {
    expect(toggledCluster({ status: 'pending' }, row('k', 14))).toEqual({ status: 'pending', clusterKey: 'k' });
    expect(toggledCluster({ status: 'pending', clusterKey: 'k' }, row('k', 14))).toEqual({ status: 'pending' });
    expect(toggledCluster({ status: 'pending' }, row(null))).toBeNull();
  });
});
