import type { PersonItem } from '@shared/connectors';
import { newId } from '@shared/ids';
import type { Tx } from '../database';
import { sql } from '../sql';

/** The last copy of each person wins when a batch names someone twice. */
function distinctPeople(people: Iterable<PersonItem>): PersonItem[] {
  const byId = new Map<string, PersonItem>();
  for (const person of people) byId.set(person.externalId, person);
  return [...byId.values()];
}

/**
 * Upserts platform identities by (connection, external id). A row is rewritten only
 * when a shown field changed, so re-pulling a backlog does not churn the FTS index.
 */
export async function upsertMembers(tx: Tx, connectionId: string, people: Iterable<PersonItem>, now: number): Promise<void> {
  const rows = distinctPeople(people).map((p) => ({
    id: newId(now),
    ext: p.externalId,
    name: p.displayName,
    username: p.username,
    url: p.profileUrl,
    created: p.accountCreatedAt,
  }));
  if (rows.length === 0) return;
  await tx.run(sql`INSERT INTO members (id, connection_id, external_id, display_name, username, profile_url, account_created_at,
      first_seen_at, updated_at)
    SELECT e.value ->> 'id', ${connectionId}, e.value ->> 'ext', e.value ->> 'name', e.value ->> 'username', e.value ->> 'url',
      e.value ->> 'created', ${now}, ${now}
    FROM json_each(${JSON.stringify(rows)}) e WHERE true
    ON CONFLICT (connection_id, external_id) DO UPDATE SET
      display_name = excluded.display_name, username = excluded.username, profile_url = excluded.profile_url,
      account_created_at = coalesce(excluded.account_created_at, members.account_created_at), updated_at = excluded.updated_at
    WHERE (members.display_name, members.username, members.profile_url) IS NOT (excluded.display_name, excluded.username, excluded.profile_url)
      OR (excluded.account_created_at IS NOT NULL AND members.account_created_at IS NOT excluded.account_created_at)`);
}
