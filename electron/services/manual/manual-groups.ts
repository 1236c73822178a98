import type { ManualGroup } from '@shared/contract/manual';
import type { ConnectionSummary } from '@shared/domain/connection';
import { AppFailure } from '@shared/result';
import { adminLinks } from '../connectors/facebook-manual/deep-links';
import { communityFromGroupUrl } from '../connectors/facebook-manual/connector';
import { getConnection, insertConnection } from '../connections/connections-repository';
import type { Store } from '../store/database';
import { appendAudit } from '../store/repositories/audit';
import { ingestCommunities } from '../store/repositories/communities-ingest';
import { sql } from '../store/sql';

export interface Acting {
  readonly actor: string;
  readonly device: string;
  readonly now: number;
}

const LINK_LABELS = [
  ['memberRequests', 'Member requests'],
  ['reportedContent', 'Reported content'],
  ['pendingPosts', 'Pending posts'],
  ['moderationAlerts', 'Moderation alerts'],
  ['members', 'Members'],
] as const;

export async function addManualConnection(store: Store, name: string, acting: Acting): Promise<ConnectionSummary> {
  const id = await store.writer.transaction(async (tx) => {
    const created = await insertConnection(tx, { kind: 'facebook-manual', name, config: {}, now: acting.now });
    await appendAudit(tx, { ...acting, at: acting.now, action: 'connection.add', subjectType: 'connection', subjectId: created, summary: `Added ${name} (manual)` });
    return created;
  });
  const { config: _config, ...summary } = (await getConnection(store.reader, id))!;
  return summary;
}

/** Adds a group by the URL the admin pasted; the same group twice stays one community. */
export async function addManualGroup(store: Store, input: { connectionId: string; url: string; name?: string | undefined }, acting: Acting): Promise<string> {
  const connection = await getConnection(store.reader, input.connectionId);
  if (connection?.kind !== 'facebook-manual') throw new AppFailure('not-found', 'Groups can be added by URL only to a manual Facebook Groups connection.');
  const item = communityFromGroupUrl(input.url, input.name);
  if (!item.ok) throw new AppFailure('invalid-input', item.error.message);
  return store.writer.transaction(async (tx) => {
    await ingestCommunities(tx, input.connectionId, [item.value], acting.now);
    const row = await tx.get<{ id: string }>(
      sql`SELECT id FROM communities WHERE connection_id = ${input.connectionId} AND external_id = ${item.value.externalId}`,
    );
    if (!row) throw new AppFailure('internal', 'The group was added but cannot be read back.');
    await appendAudit(tx, { ...acting, at: acting.now, action: 'community.add', subjectType: 'community', subjectId: row.id, summary: `Added the group ${item.value.name}` });
    return row.id;
  });
}

export async function listManualGroups(store: Store): Promise<ManualGroup[]> {
  const rows = await store.reader.all<{ id: string; connection_id: string; name: string; external_id: string; recorded: number }>(
    sql`SELECT c.id, c.connection_id, c.name, c.external_id,
        (SELECT count(*) FROM join_requests j WHERE j.community_id = c.id) AS recorded
      FROM communities c JOIN connections n ON n.id = c.connection_id
      WHERE n.kind = 'facebook-manual' ORDER BY c.tree_key`,
  );
  return rows.map((r) => {
    const links = adminLinks({ externalId: r.external_id });
    return {
      communityId: r.id,
      connectionId: r.connection_id,
      name: r.name,
      recorded: r.recorded,
      links: links ? LINK_LABELS.map(([key, label]) => ({ label, url: links[key] })) : [],
    };
  });
}
