import type { PersonNote } from '@shared/domain/decisions';
import { newId } from '@shared/ids';
import { AppFailure } from '@shared/result';
import type { Store } from '../store/database';
import { sql } from '../store/sql';

/** A note about a person, shown on their card in every community. */
export async function addNote(store: Store, input: { memberId: string; body: string; actor: string; device: string; now: number }): Promise<PersonNote> {
  const id = newId(input.now);
  await store.writer.transaction(async (tx) => {
    const member = await tx.get(sql`SELECT 1 FROM members WHERE id = ${input.memberId}`);
    if (!member) throw new AppFailure('not-found', 'That person is no longer in the store.');
    await tx.run(sql`INSERT INTO notes (id, member_id, body, actor, device, created_at)
      VALUES (${id}, ${input.memberId}, ${input.body}, ${input.actor}, ${input.device}, ${input.now})`);
    await tx.run(sql`INSERT INTO audit_log (id, at, actor, device, action, subject_type, subject_id, after, summary)
      VALUES (${newId(input.now)}, ${input.now}, ${input.actor}, ${input.device}, 'note.add', 'member', ${input.memberId},
        json_object('note', ${id}), 'Added a note')`);
    tx.touch('audit_log');
  });
  return { id, body: input.body, actor: input.actor, createdAt: input.now };
}
