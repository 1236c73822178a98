import { describe, expect, it } from 'vitest';
import type { CommunityRow } from '@shared/domain/community';
import { buildCommunityEntries, visibleEntries } from './communityTree';

const community = (id: string, parentId: string | null, depth: number): CommunityRow =>
  ({ id, name: id.toUpperCase(), parentId, parentName: parentId?.toUpperCase() ?? null, depth }) as CommunityRow;

describe('community side list', () => {
  const tree = [community('p', null, 0), community('s1', 'p', 1), community('s2', 'p', 1), community('solo', null, 0)];

  it('sums sub-group counts into their parent, which may have none itself', () => {
    const entries = buildCommunityEntries(tree, [
      { communityId: 's1', communityName: 'S1', parentName: 'P', count: 3 },
      { communityId: 's2', communityName: 'S2', parentName: 'P', count: 4 },
    ]);
    expect(entries.map((e) => [e.id, e.count, e.treeCount, e.hasChildren])).toEqual([
      ['p', 0, 7, true],
      ['s1', 3, 3, false],
      ['s2', 4, 4, false],
      ['solo', 0, 0, false],
    ]);
    expect(visibleEntries(entries, null).map((e) => e.id)).toEqual(['p', 's1', 's2']);
    expect(visibleEntries(entries, 'solo').map((e) => e.id)).toContain('solo');
  });

  it('lists a community the tree does not know yet', () => {
    const entries = buildCommunityEntries(tree, [{ communityId: 'new', communityName: 'New', parentName: null, count: 1 }]);
    expect(entries[0]).toMatchObject({ id: 'new', depth: 0, treeCount: 1 });
  });
});
