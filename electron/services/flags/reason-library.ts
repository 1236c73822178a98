import type { DecisionReason } from '@shared/domain/decisions';
import { newId } from '@shared/ids';
import { AppFailure } from '@shared/result';
import type { Reader, Store } from '../store/database';
import { sql, trusted } from '../store/sql';

/** Tables holding a reason library (id, position, label, text, created_at, updated_at, deleted_at). */
export type ReasonTable = 'removal_reasons' | 'decision_reasons';

interface Raw {
  id: string;
  position: number;
  label: string;
  text: string;
}

const toReason = (r: Raw): DecisionReason => ({ id: r.id, position: r.position, label: r.label, text: r.text });

/**
 * A reusable library of reasons: number keys 1–9 pick by position; deleted reasons stay
 * for the history. Written for any table of that shape, so the removal reasons (the
 * label names the rule, `{{rule}}`; the text is the warning) and the join-request reasons
 * can share it.
 */
export function reasonLibrary(table: ReasonTable, what: string) {
  const t = trusted(table);
  const gone = () => new AppFailure('not-found', `That ${what} was deleted from the library.`);

  async function get(reader: Reader, id: string): Promise<DecisionReason> {
    const row = await reader.get<Raw>(sql`SELECT id, position, label, text FROM ${t} WHERE id = ${id} AND deleted_at IS NULL`);
    if (!row) throw gone();
    return toReason(row);
  }

  return {
    get,
    list: async (reader: Reader): Promise<DecisionReason[]> =>
      (await reader.all<Raw>(sql`SELECT id, position, label, text FROM ${t} WHERE deleted_at IS NULL ORDER BY position, created_at`)).map(toReason),

    async save(store: Store, input: { id?: string | undefined; label: string; text: string }, now: number): Promise<DecisionReason> {
      const id = input.id ?? newId(now);
      await store.writer.transaction(async (tx) => {
        if (input.id) {
          const result = await tx.run(sql`UPDATE ${t} SET label = ${input.label}, text = ${input.text}, updated_at = ${now}
            WHERE id = ${input.id} AND deleted_at IS NULL`);
          if (result.changes === 0) throw gone();
        } else {
          await tx.run(sql`INSERT INTO ${t} (id, position, label, text, created_at, updated_at)
            VALUES (${id}, (SELECT coalesce(max(position), 0) + 1 FROM ${t} WHERE deleted_at IS NULL), ${input.label}, ${input.text}, ${now}, ${now})`);
        }
      });
      return get(store.reader, id);
    },

    async remove(store: Store, id: string, now: number): Promise<boolean> {
      return store.writer.transaction(async (tx) => {
        const result = await tx.run(sql`UPDATE ${t} SET deleted_at = ${now} WHERE id = ${id} AND deleted_at IS NULL`);
        // Close the gap so positions keep matching the number keys.
        await tx.run(sql`UPDATE ${t} SET position = (SELECT count(*) FROM ${t} r
            WHERE r.deleted_at IS NULL AND (r.position < ${t}.position OR (r.position = ${t}.position AND r.created_at <= ${t}.created_at)))
          WHERE deleted_at IS NULL`);
        return result.changes > 0;
      });
    },
  };
}

export const removalReasons = reasonLibrary('removal_reasons', 'removal reason');
