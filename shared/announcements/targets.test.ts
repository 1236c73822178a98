import { describe, expect, it } from 'vitest';
import { EMPTY_TARGETS, type TargetCandidate, type TargetSpec } from '../domain/announcements';
import { resolveTargets } from './targets';

const c = (id: string, over: Partial<TargetCandidate> = {}): TargetCandidate => ({
  id,
  name: `Group ${id}`,
  kind: 'group',
  parentId: null,
  depth: 0,
  platform: 'sandbox',
  connectionName: 'S',
  memberCount: 1,
  tags: [],
  language: 'en',
  ...over,
});
const candidates = [
  c('p', { name: 'Parent' }),
  c('p1', { parentId: 'p', depth: 1 }),
  c('p1a', { parentId: 'p1', depth: 2 }),
  c('p2', { parentId: 'p', depth: 1, tags: ['news'] }),
  c('t', { platform: 'telegram', name: 'Bakers Berlin' }),
  c('q', { tags: ['news'], name: 'Quiet' }),
];
const spec = (over: Partial<TargetSpec>): TargetSpec => ({ ...EMPTY_TARGETS, ...over });
const ids = (list: readonly TargetCandidate[]) => list.map((x) => x.id);

describe('resolveTargets', () => {
  it('takes a tree with all its sub-groups, in tree order', () => {
    expect(ids(resolveTargets(spec({ trees: ['p'] }), candidates, new Map()).included)).toEqual(['p', 'p1', 'p1a', 'p2']);
  });

  it('unites tags, platforms, searches and single picks, then takes exclusions out', () => {
    const out = resolveTargets(spec({ tags: ['news'], platforms: ['telegram'], searches: ['BERLIN'], communities: ['p1'], excluded: ['q'] }), candidates, new Map());
    expect(ids(out.included)).toEqual(['p1', 'p2', 't']);
    expect(ids(out.excluded)).toEqual(['q']);
  });

  it('adds saved lists with their own exclusions, and drops ids that no longer exist', () => {
    const lists = new Map([['L', spec({ trees: ['p'], excluded: ['p1a'] })]]);
    const out = resolveTargets(spec({ lists: ['L', 'gone'], communities: ['deleted'] }), candidates, lists);
    expect(ids(out.included)).toEqual(['p', 'p1', 'p2']);
  });

  it('matches nothing for an empty spec', () => {
    expect(resolveTargets(EMPTY_TARGETS, candidates, new Map())).toEqual({ included: [], excluded: [] });
  });
});
