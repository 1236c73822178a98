import type { SavedView } from '@shared/domain/decisions';
import { newId } from '@shared/ids';
import { AppFailure } from '@shared/result';
import type { Reader, Store } from '../store/database';
import { sql } from '../store/sql';

interface Raw {
  id: string;
  table_key: string;
  name: string;
  position: number;
  definition: string;
}

const toView = (r: Raw): SavedView => ({
  id: r.id,
  tableKey: r.table_key,
  name: r.name,
  position: r.position,
  definition: JSON.parse(r.definition) as unknown,
});

/** Saved views (filters, sort, columns, widths) of one table, in their key order (1–9). */
export async function listViews(reader: Reader, tableKey: string): Promise<SavedView[]> {
  return (await reader.all<Raw>(sql`SELECT id, table_key, name, position, definition FROM saved_views
    WHERE table_key = ${tableKey} ORDER BY position, created_at`)).map(toView);
}

export async function saveView(
  store: Store,
  input: { id?: string | undefined; tableKey: string; name: string; definition: unknown },
  now: number,
): Promise<SavedView> {
  const id = input.id ?? newId(now);
  const definition = JSON.stringify(input.definition);
  await store.writer.transaction(async (tx) => {
    const clash = await tx.get<{ id: string }>(sql`SELECT id FROM saved_views WHERE table_key = ${input.tableKey} AND name = ${input.name}`);
    if (clash && clash.id !== input.id) throw new AppFailure('conflict', `A view named “${input.name}” already exists.`);
    if (input.id) {
      const result = await tx.run(sql`UPDATE saved_views SET name = ${input.name}, definition = ${definition}, updated_at = ${now}
        WHERE id = ${input.id} AND table_key = ${input.tableKey}`);
      if (result.changes === 0) throw new AppFailure('not-found', 'That saved view was deleted.');
    } else {
      await tx.run(sql`INSERT INTO saved_views (id, table_key, name, position, definition, created_at, updated_at)
        VALUES (${id}, ${input.tableKey}, ${input.name},
          (SELECT coalesce(max(position), 0) + 1 FROM saved_views WHERE table_key = ${input.tableKey}), ${definition}, ${now}, ${now})`);
    }
    tx.touch('saved_views');
  });
  const saved = await store.reader.get<Raw>(sql`SELECT id, table_key, name, position, definition FROM saved_views WHERE id = ${id}`);
  if (!saved) throw new AppFailure('internal', 'The view was saved but cannot be read back.');
  return toView(saved);
}

export async function deleteView(store: Store, id: string): Promise<boolean> {
  return store.writer.transaction(async (tx) => {
    const result = await tx.run(sql`DELETE FROM saved_views WHERE id = ${id}`);
    tx.touch('saved_views');
    return result.changes > 0;
  });
}
