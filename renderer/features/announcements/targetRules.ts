import type { TargetCandidate, TargetList, TargetSpec } from '@shared/domain/announcements';

/** One rule of a target spec, as a removable chip. */
export interface TargetRule {
  readonly key: string;
  readonly label: string;
  remove(spec: TargetSpec): TargetSpec;
}

type ListField = 'trees' | 'tags' | 'platforms' | 'searches' | 'communities' | 'lists';

const without = (spec: TargetSpec, field: ListField, value: string): TargetSpec => ({
  ...spec,
  [field]: (spec[field] as readonly string[]).filter((v) => v !== value),
});

/** Adds a value to one of the spec's rules (no duplicates). */
export function withRule(spec: TargetSpec, field: ListField, value: string): TargetSpec {
  const current = spec[field] as readonly string[];
  return current.includes(value) ? spec : { ...spec, [field]: [...current, value] };
}

/** Excludes a community, or includes it back. */
export function toggleExcluded(spec: TargetSpec, communityId: string): TargetSpec {
  return spec.excluded.includes(communityId)
    ? { ...spec, excluded: spec.excluded.filter((id) => id !== communityId) }
    : { ...spec, excluded: [...spec.excluded, communityId] };
}

/** The spec's rules in words, for the chips; names come from the candidates and saved lists. */
export function describeRules(spec: TargetSpec, candidates: readonly TargetCandidate[], lists: readonly TargetList[]): TargetRule[] {
  const name = (id: string) => candidates.find((c) => c.id === id)?.name ?? 'a community that no longer exists';
  const listName = (id: string) => lists.find((l) => l.id === id)?.name ?? 'a deleted list';
  const chip = (field: ListField, value: string, label: string): TargetRule => ({ key: `${field}:${value}`, label, remove: (s) => without(s, field, value) });
  return [
    ...spec.trees.map((id) => chip('trees', id, `${name(id)} and its sub-groups`)),
    ...spec.tags.map((tag) => chip('tags', tag, `Tagged ${tag}`)),
    ...spec.platforms.map((platform) => chip('platforms', platform, `Every ${platform} community`)),
    ...spec.searches.map((text) => chip('searches', text, `Names containing “${text}”`)),
    ...spec.communities.map((id) => chip('communities', id, name(id))),
    ...spec.lists.map((id) => chip('lists', id, `List: ${listName(id)}`)),
  ];
}
