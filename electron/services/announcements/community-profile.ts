import { z } from 'zod';
import type { CommunityProfile } from '@shared/domain/announcements';
import { AppFailure } from '@shared/result';
import type { Reader, Store } from '../store/database';
import { sql } from '../store/sql';
import type { ActingAs } from '../store/repositories/audit';
import { appendAudit } from '../store/repositories/audit';
import { readJsonColumn } from './json-column';

interface Raw {
  id: string;
  name: string;
  language: string | null;
  language_override: string | null;
  custom_fields: string;
  platform_tags: string;
  user_tags: string;
}

const tags = z.array(z.string());
const fields = z.record(z.string(), z.string());

export async function readProfile(reader: Reader, id: string): Promise<CommunityProfile> {
  const row = await reader.get<Raw>(sql`SELECT c.id, c.name, c.language, c.language_override, c.custom_fields,
      (SELECT json_group_array(tag) FROM (SELECT tag FROM community_tags WHERE community_id = c.id ORDER BY tag)) AS platform_tags,
      (SELECT json_group_array(tag) FROM (SELECT tag FROM community_user_tags WHERE community_id = c.id ORDER BY tag)) AS user_tags
    FROM communities c WHERE c.id = ${id}`);
  if (!row) throw new AppFailure('not-found', 'That community no longer exists.');
  return {
    id: row.id,
    name: row.name,
    platformLanguage: row.language,
    languageOverride: row.language_override,
    platformTags: readJsonColumn(tags, row.platform_tags, []),
    userTags: readJsonColumn(tags, row.user_tags, []),
    fields: readJsonColumn(fields, row.custom_fields, {}),
  };
}

export interface ProfileInput {
  readonly id: string;
  readonly languageOverride: string | null;
  readonly userTags: readonly string[];
  readonly fields: Readonly<Record<string, string>>;
}

/** Saves what the user sets on a community; empty field values are dropped. Audited, since sends read them. */
export async function saveProfile(store: Store, input: ProfileInput, by: ActingAs, now: number): Promise<CommunityProfile> {
  const before = await readProfile(store.reader, input.id);
  const kept = Object.fromEntries(Object.entries(input.fields).filter(([, value]) => value.trim() !== ''));
  const userTags = [...new Set(input.userTags.map((tag) => tag.trim()))].filter((tag) => tag !== '');
  await store.writer.transaction(async (tx) => {
    await tx.run(sql`UPDATE communities SET language_override = ${input.languageOverride}, custom_fields = ${JSON.stringify(kept)},
        updated_at = ${now} WHERE id = ${input.id}`);
    await tx.run(sql`DELETE FROM community_user_tags WHERE community_id = ${input.id}`);
    await tx.run(sql`INSERT INTO community_user_tags (community_id, tag) SELECT ${input.id}, value FROM json_each(${JSON.stringify(userTags)})`);
    await appendAudit(tx, {
      ...by,
      action: 'community.profile',
      subjectType: 'community',
      subjectId: input.id,
      before: { language: before.languageOverride, tags: before.userTags, fields: before.fields },
      after: { language: input.languageOverride, tags: userTags, fields: kept },
      summary: `Changed the announcement values of ${before.name}`,
      at: now,
    });
    tx.touch('communities');
  });
  return readProfile(store.reader, input.id);
}
