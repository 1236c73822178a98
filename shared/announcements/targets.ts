import type { TargetCandidate, TargetSpec } from '../domain/announcements';

export interface ResolvedTargets<T extends TargetCandidate> {
  /** In the candidates' order (tree order). */
  readonly included: readonly T[];
  /** Matched by a rule but excluded by the user; kept so the preview can offer them back. */
  readonly excluded: readonly T[];
}

function subtreeIds(roots: readonly string[], candidates: readonly TargetCandidate[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const c of candidates) if (c.parentId !== null) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  const found = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (found.has(next)) continue;
    found.add(next);
    stack.push(...(children.get(next) ?? []));
  }
  return found;
}

/** Every candidate one spec's rules match, before exclusions; saved lists are resolved by the caller. */
function matching(spec: TargetSpec, candidates: readonly TargetCandidate[]): Set<string> {
  const ids = subtreeIds(spec.trees, candidates);
  for (const id of spec.communities) ids.add(id);
  const tags = new Set(spec.tags);
  const platforms = new Set(spec.platforms);
  const searches = spec.searches.map((s) => s.toLocaleLowerCase());
  for (const c of candidates) {
    const name = c.name.toLocaleLowerCase();
    if (platforms.has(c.platform) || c.tags.some((tag) => tags.has(tag)) || searches.some((s) => name.includes(s))) ids.add(c.id);
  }
  return ids;
}

/**
 * Who an announcement goes to: the union of its rules and of its saved lists (each
 * list with its own exclusions; lists inside lists are not followed), minus its
 * exclusions. Ids of communities that no longer exist drop out.
 */
export function resolveTargets<T extends TargetCandidate>(
  spec: TargetSpec,
  candidates: readonly T[],
  lists: ReadonlyMap<string, TargetSpec>,
): ResolvedTargets<T> {
  const ids = matching(spec, candidates);
  for (const listId of spec.lists) {
    const list = lists.get(listId);
    if (!list) continue;
    const fromList = matching(list, candidates);
    for (const id of list.excluded) fromList.delete(id);
    for (const id of fromList) ids.add(id);
  }
  const excluded = new Set(spec.excluded);
  const included: T[] = [];
  const left: T[] = [];
  for (const c of candidates) {
    if (!ids.has(c.id)) continue;
    (excluded.has(c.id) ? left : included).push(c);
  }
  return { included, excluded: left };
}
