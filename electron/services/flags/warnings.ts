import { renderWarning } from '@shared/flags/warning-template';
import type { Tx } from '../store/database';
import { sql, trusted } from '../store/sql';
import { TARGET_ROWS } from './flag-targets';

/** A warning to render: the library reason's label fills `{{rule}}`. */
export interface WarningTemplate {
  readonly rule: string;
  readonly template: string;
}

/**
 * Fills the temp table `flag_notes` (flag id → text) for the action's decided flags: the
 * warning rendered with each one's community and author (shared/flags/warning-template.ts),
 * or the same note for all. Keyed, so statements over thousands of flags join it instead
 * of searching a JSON list per row.
 */
export async function fillFlagNotes(tx: Tx, warning: WarningTemplate | null, note: string | null): Promise<void> {
  await tx.run(sql`CREATE TEMP TABLE IF NOT EXISTS flag_notes (flag_id TEXT PRIMARY KEY, text TEXT NOT NULL)`);
  await tx.run(sql`DELETE FROM flag_notes`);
  if (warning) {
    const rows = await tx.all<{ flag_id: string; community_name: string; author_name: string | null }>(
      sql`SELECT x.flag_id, x.community_name, x.author_name FROM (${TARGET_ROWS}) x WHERE x.decided`,
    );
    const texts = rows.map((row) => ({
      id: row.flag_id,
      text: renderWarning(warning.template, { rule: warning.rule, community: row.community_name, author: row.author_name ?? '' }),
    }));
    await tx.run(sql`INSERT INTO flag_notes (flag_id, text) SELECT e.value ->> 'id', e.value ->> 'text' FROM json_each(${JSON.stringify(texts)}) e`);
  } else if (note !== null) {
    await tx.run(sql`INSERT INTO flag_notes (flag_id, text) SELECT x.flag_id, ${note} FROM (${TARGET_ROWS}) x`);
  }
}

/** The note of the flag `flagId` names (a column of the outer query), or NULL. */
export const noteOf = (flagId: 'x.flag_id' | 'f.id' | 'flags.id') => sql`(SELECT fn.text FROM flag_notes fn WHERE fn.flag_id = ${trusted(flagId)})`;
