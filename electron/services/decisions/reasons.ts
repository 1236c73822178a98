import type { DecisionReason } from '@shared/domain/decisions';
import { newId } from '@shared/ids';
import { AppFailure } from '@shared/result';
import type { Reader, Store } from '../store/database';
import { sql } from '../store/sql';

interface Raw {
  id: string;
  position: number;
  label: string;
  text: string;
}

const toReason = (r: Raw): DecisionReason => ({ id: r.id, position: r.position, label: r.label, text: r.text });

/** The reusable reason library; number keys 1–9 pick by position. Deleted reasons stay for the history. */
export async function listReasons(reader: Reader): Promise<DecisionReason[]> {
  return (await reader.all<Raw>(sql`SELECT id, position, label, text FROM decision_reasons WHERE deleted_at IS NULL
    ORDER BY position, created_at`)).map(toReason);
}

export async function reasonText(reader: Reader, id: string): Promise<string> {
  const row = await reader.get<{ text: string }>(sql`SELECT text FROM decision_reasons WHERE id = ${id} AND deleted_at IS NULL`);
  if (!row) throw new AppFailure('not-found', 'That reason was deleted from the library.');
  return row.text;
}

export async function saveReason(store: Store, input: { id?: string | undefined; label: string; text: string }, now: number): Promise<DecisionReason> {
  const id = input.id ?? newId(now);
  await store.writer.transaction(async (tx) => {
    if (input.id) {
      const result = await tx.run(sql`UPDATE decision_reasons SET label = ${input.label}, text = ${input.text}, updated_at = ${now}
        WHERE id = ${input.id} AND deleted_at IS NULL`);
      if (result.changes === 0) throw new AppFailure('not-found', 'That reason was deleted from the library.');
    } else {
      await tx.run(sql`INSERT INTO decision_reasons (id, position, label, text, created_at, updated_at)
        VALUES (${id}, (SELECT coalesce(max(position), 0) + 1 FROM decision_reasons WHERE deleted_at IS NULL),
                ${input.label}, ${input.text}, ${now}, ${now})`);
    }
  });
  const saved = await store.reader.get<Raw>(sql`SELECT id, position, label, text FROM decision_reasons WHERE id = ${id}`);
  if (!saved) throw new AppFailure('internal', 'The reason was saved but cannot be read back.');
  return toReason(saved);
}

export async function deleteReason(store: Store, id: string, now: number): Promise<boolean> {
  return store.writer.transaction(async (tx) => {
    const result = await tx.run(sql`UPDATE decision_reasons SET deleted_at = ${now} WHERE id = ${id} AND deleted_at IS NULL`);
    // Close the gap so positions keep matching the number keys.
    await tx.run(sql`UPDATE decision_reasons SET position = (SELECT count(*) FROM decision_reasons r
        WHERE r.deleted_at IS NULL AND (r.position < decision_reasons.position
          OR (r.position = decision_reasons.position AND r.created_at <= decision_reasons.created_at)))
      WHERE deleted_at IS NULL`);
    return result.changes > 0;
  });
}
