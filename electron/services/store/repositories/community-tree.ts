/**
 * Tree sort keys for communities: "parent key / own name", lower-cased, so that a
 * sort by key lists each community followed by its sub-groups. Pure, so the rules
 * are tested without a database.
 */
export interface TreeNode {
  readonly id: string;
  readonly parentId: string | null;
  readonly name: string;
}

export interface TreePlace {
  readonly treeKey: string;
  readonly depth: number;
}

/** Deeper than any platform nests; also stops a parent cycle from looping. */
const MAX_DEPTH = 16;

export const sortName = (name: string): string => name.toLocaleLowerCase('en-US');

export function placeInTree(nodes: readonly TreeNode[]): Map<string, TreePlace> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const places = new Map<string, TreePlace>();
  const place = (node: TreeNode, seen: number): TreePlace => {
    const known = places.get(node.id);
    if (known) return known;
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    const result =
      parent === undefined || seen >= MAX_DEPTH
        ? { treeKey: sortName(node.name), depth: 0 }
        : (() => {
            const above = place(parent, seen + 1);
            return { treeKey: `${above.treeKey} / ${sortName(node.name)}`, depth: above.depth + 1 };
          })();
    places.set(node.id, result);
    return result;
  };
  for (const node of nodes) place(node, 0);
  return places;
}
