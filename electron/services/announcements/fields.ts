import { QUIET_HOURS_FIELD } from '@shared/announcements/placeholders';
import { AppFailure } from '@shared/result';
import type { Reader, Store } from '../store/database';
import { sql } from '../store/sql';

/**
 * Custom field names every community can fill in. `quietHours` is always there:
 * preflight reads it to hold sends in a community's quiet hours.
 */
export async function listFields(reader: Reader): Promise<string[]> {
  const rows = await reader.all<{ name: string }>(sql`SELECT name FROM community_fields ORDER BY created_at, name`);
  return [QUIET_HOURS_FIELD, ...rows.map((r) => r.name).filter((name) => name !== QUIET_HOURS_FIELD)];
}

export async function defineField(store: Store, name: string, now: number): Promise<string[]> {
  if (name === QUIET_HOURS_FIELD) return listFields(store.reader);
  await store.writer.transaction(async (tx) => {
    await tx.run(sql`INSERT INTO community_fields (name, created_at) VALUES (${name}, ${now}) ON CONFLICT DO NOTHING`);
    tx.touch('communities');
  });
  return listFields(store.reader);
}

/** Drops the name; values stay in each community, so defining it again brings them back. */
export async function removeField(store: Store, name: string): Promise<string[]> {
  if (name === QUIET_HOURS_FIELD) throw new AppFailure('invalid-input', 'Quiet hours are built in and cannot be removed.');
  await store.writer.transaction(async (tx) => {
    await tx.run(sql`DELETE FROM community_fields WHERE name = ${name}`);
    tx.touch('communities');
  });
  return listFields(store.reader);
}
