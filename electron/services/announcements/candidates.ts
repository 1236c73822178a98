import { z } from 'zod';
import type { TargetCandidate } from '@shared/domain/announcements';
import type { CommunityKind } from '@shared/domain/community';
import type { ConnectionKind, ConnectionState } from '@shared/domain/connection';
import type { Reader, Tx } from '../store/database';
import { ALL_TAGS, EFFECTIVE_LANGUAGE } from '../queries/communities';
import { sql, trusted } from '../store/sql';
import { readJsonColumn } from './json-column';

/** A community with everything targeting, rendering and sending need. */
export interface CommunityRecord extends TargetCandidate {
  readonly externalId: string;
  readonly connectionId: string;
  readonly connectionState: ConnectionState;
  readonly rulesUrl: string | null;
  readonly fields: Readonly<Record<string, string>>;
}

interface Raw {
  id: string;
  external_id: string;
  name: string;
  kind: CommunityKind;
  parent_id: string | null;
  depth: number;
  member_count: number;
  language: string | null;
  rules_url: string | null;
  custom_fields: string;
  tags: string;
  connection_id: string;
  platform: ConnectionKind;
  connection_name: string;
  connection_state: ConnectionState;
}

const fieldsSchema = z.record(z.string(), z.string());
const tagsSchema = z.array(z.string());

/**
 * Every community of every connection in tree order. Communities are few (tens to
 * thousands), so targeting resolves over this list in memory (shared/announcements/targets.ts).
 */
export async function loadCommunities(reader: Reader | Tx, only?: readonly string[]): Promise<CommunityRecord[]> {
  const filter = only ? sql`WHERE c.id IN (SELECT value FROM json_each(${JSON.stringify(only)}))` : sql``;
  const rows = await reader.all<Raw>(sql`SELECT c.id, c.external_id, c.name, c.kind, c.parent_id, c.depth, c.member_count,
      ${trusted(EFFECTIVE_LANGUAGE)} AS language, c.rules_url, c.custom_fields, ${trusted(ALL_TAGS)} AS tags,
      c.connection_id, n.kind AS platform, n.name AS connection_name, n.state AS connection_state
    FROM communities c JOIN connections n ON n.id = c.connection_id ${filter}
    ORDER BY c.tree_key, c.seq`);
  return rows.map((r) => ({
    id: r.id,
    externalId: r.external_id,
    name: r.name,
    kind: r.kind,
    parentId: r.parent_id,
    depth: r.depth,
    platform: r.platform,
    connectionId: r.connection_id,
    connectionName: r.connection_name,
    connectionState: r.connection_state,
    memberCount: r.member_count,
    tags: readJsonColumn(tagsSchema, r.tags, []),
    language: r.language,
    rulesUrl: r.rules_url,
    fields: readJsonColumn(fieldsSchema, r.custom_fields, {}),
  }));
}

/** What the target picker shows: the same list without the sending details. */
export const toCandidate = (r: CommunityRecord): TargetCandidate => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  parentId: r.parentId,
  depth: r.depth,
  platform: r.platform,
  connectionName: r.connectionName,
  memberCount: r.memberCount,
  tags: r.tags,
  language: r.language,
});
