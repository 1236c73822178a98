import { EMPTY_TARGETS, targetSpecSchema, type TargetList, type TargetSpec } from '@shared/domain/announcements';
import type { SavedView } from '@shared/domain/decisions';
import { AppFailure } from '@shared/result';
import type { Reader, Store } from '../store/database';
import { deleteView, listViews, saveView } from '../views/saved-views';

/**
 * Saved target lists are saved views of the target picker: same table, same naming
 * rules, under their own table key. A list never holds other lists (one level only).
 */
const TABLE_KEY = 'announcement-targets';

const toList = (view: SavedView): TargetList => {
  const parsed = targetSpecSchema.safeParse(view.definition);
  return { id: view.id, name: view.name, targets: parsed.success ? { ...parsed.data, lists: [] } : EMPTY_TARGETS };
};

export async function listTargetLists(reader: Reader): Promise<TargetList[]> {
  return (await listViews(reader, TABLE_KEY)).map(toList);
}

export async function targetListMap(reader: Reader): Promise<Map<string, TargetSpec>> {
  return new Map((await listTargetLists(reader)).map((list) => [list.id, list.targets]));
}

export async function saveTargetList(store: Store, input: { id?: string | undefined; name: string; targets: TargetSpec }, now: number): Promise<TargetList> {
  if (input.targets.lists.length > 0)
    throw new AppFailure('invalid-input', 'A saved list cannot include other saved lists: remove them, or add their communities by tree, tag or name.');
  const definition = { ...input.targets };
  return toList(await saveView(store, { id: input.id, tableKey: TABLE_KEY, name: input.name, definition }, now));
}

export async function deleteTargetList(store: Store, id: string): Promise<boolean> {
  const list = (await listViews(store.reader, TABLE_KEY)).find((view) => view.id === id);
  return list ? deleteView(store, id) : false;
}
