import { describe, expect, it } from 'vitest';
import { EMPTY_TARGETS, type TargetCandidate } from '@shared/domain/announcements';
import { describeRules, toggleExcluded, withRule } from './targetRules';

const candidate = { id: 'c1', name: 'Bakers', kind: 'community', parentId: null, depth: 0, platform: 'sandbox', connectionName: 'S', memberCount: 1, tags: [], language: 'en' } satisfies TargetCandidate;

describe('target rules', () => {
  it('adds a rule once, removes it by its chip, and toggles exclusions', () => {
    const spec = withRule(withRule(withRule(EMPTY_TARGETS, 'trees', 'c1'), 'trees', 'c1'), 'tags', 'news');
    expect(spec.trees).toEqual(['c1']);
    const rules = describeRules(spec, [candidate], []);
    expect(rules.map((r) => r.label)).toEqual(['Bakers and its sub-groups', 'Tagged news']);
    expect(rules[0]!.remove(spec)).toEqual({ ...spec, trees: [] });
    const excluded = toggleExcluded(spec, 'c2');
    expect(excluded.excluded).toEqual(['c2']);
    expect(toggleExcluded(excluded, 'c2').excluded).toEqual([]);
  });

  it('names what is gone rather than showing a bare id', () => {
    const rules = describeRules({ ...EMPTY_TARGETS, communities: ['x'], lists: ['y'] }, [], []);
    expect(rules.map((r) => r.label)).toEqual(['a community that no longer exists', 'List: a deleted list']);
  });
});
