import { describe, expect, it } from 'vitest';
import { placeInTree } from './community-tree';

describe('placeInTree', () => {
  it('orders sub-groups under their community and survives a parent cycle', () => {
    const places = placeInTree([
      { id: 'b', parentId: 'a', name: 'Sub B' },
      { id: 'a', parentId: null, name: 'Ärzte Club' },
      { id: 'c', parentId: 'b', name: 'Deep' },
      { id: 'x', parentId: 'y', name: 'X' },
      { id: 'y', parentId: 'x', name: 'Y' },
      { id: 'o', parentId: 'missing', name: 'Orphan' },
    ]);
    expect(places.get('a')).toEqual({ treeKey: 'ärzte club', depth: 0 });
    expect(places.get('b')).toEqual({ treeKey: 'ärzte club / sub b', depth: 1 });
    expect(places.get('c')).toEqual({ treeKey: 'ärzte club / sub b / deep', depth: 2 });
    expect(places.get('o')).toEqual({ treeKey: 'orphan', depth: 0 });
    expect(places.get('x')?.depth).toBeLessThanOrEqual(16);
  });
});
