import type { CommunityItem } from '@shared/connectors';
import { newId } from '@shared/ids';
import type { Tx } from '../database';
import { sql } from '../sql';
import { placeInTree, sortName } from './community-tree';

const json = (value: unknown) => JSON.stringify(value);

/**
 * Makes sure each community exists, adding a placeholder (named by its external id)
 * for one not seen yet, so items that arrive before their community are kept. The
 * next communities pull fills the placeholder in.
 */
export async function ensureCommunities(tx: Tx, connectionId: string, externalIds: Iterable<string>, now: number): Promise<number> {
  const unique = [...new Set(externalIds)];
  if (unique.length === 0) return 0;
  const rows = unique.map((ext) => ({ id: newId(now), ext, key: sortName(ext) }));
  const { changes } = await tx.run(sql`INSERT INTO communities (id, connection_id, external_id, name, kind, tree_key, depth, created_at, updated_at)
    SELECT e.value ->> 'id', ${connectionId}, e.value ->> 'ext', e.value ->> 'ext', 'community', e.value ->> 'key', 0, ${now}, ${now}
    FROM json_each(${json(rows)}) e WHERE true
    ON CONFLICT (connection_id, external_id) DO NOTHING`);
  if (changes > 0) tx.touch('communities');
  return changes;
}

/** Upserts one page of communities with their parents and tags, then re-places the connection's tree. */
export async function ingestCommunities(tx: Tx, connectionId: string, items: readonly CommunityItem[], now: number): Promise<void> {
  if (items.length === 0) return;
  const rows = items.map((c) => ({
    id: newId(now),
    ext: c.externalId,
    parent: c.parentExternalId,
    name: c.name,
    kind: c.kind,
    members: c.memberCount,
    language: c.language,
    url: c.url,
    rules: c.rulesUrl,
    tags: [...new Set(c.tags)],
  }));
  const batch = json(rows);
  await tx.run(sql`INSERT INTO communities (id, connection_id, external_id, name, kind, tree_key, depth, member_count, language,
      platform_url, rules_url, created_at, updated_at)
    SELECT e.value ->> 'id', ${connectionId}, e.value ->> 'ext', e.value ->> 'name', e.value ->> 'kind', '', 0, e.value ->> 'members',
      e.value ->> 'language', e.value ->> 'url', e.value ->> 'rules', ${now}, ${now}
    FROM json_each(${batch}) e WHERE true
    ON CONFLICT (connection_id, external_id) DO UPDATE SET
      name = excluded.name, kind = excluded.kind, member_count = excluded.member_count, language = excluded.language,
      platform_url = excluded.platform_url, rules_url = excluded.rules_url, updated_at = excluded.updated_at
    WHERE (communities.name, communities.kind, communities.member_count, communities.language, communities.platform_url, communities.rules_url)
      IS NOT (excluded.name, excluded.kind, excluded.member_count, excluded.language, excluded.platform_url, excluded.rules_url)`);
  await ensureCommunities(
    tx,
    connectionId,
    items.flatMap((c) => (c.parentExternalId === null ? [] : [c.parentExternalId])),
    now,
  );
  await tx.run(sql`WITH x AS MATERIALIZED (
      SELECT c.id AS cid, p.id AS pid FROM json_each(${batch}) e
      CROSS JOIN communities c ON c.connection_id = ${connectionId} AND c.external_id = e.value ->> 'ext'
      LEFT JOIN communities p ON p.connection_id = ${connectionId} AND p.external_id = e.value ->> 'parent')
    UPDATE communities SET parent_id = x.pid, updated_at = ${now} FROM x
    WHERE communities.id = x.cid AND communities.parent_id IS NOT x.pid`);
  await replaceTags(tx, connectionId, batch);
  await placeTree(tx, connectionId, now);
  tx.touch('communities');
}

async function replaceTags(tx: Tx, connectionId: string, batch: string): Promise<void> {
  const wanted = sql`SELECT c.id AS community_id, t.value AS tag
    FROM json_each(${batch}) e
    CROSS JOIN communities c ON c.connection_id = ${connectionId} AND c.external_id = e.value ->> 'ext'
    CROSS JOIN json_each(e.value -> 'tags') t`;
  await tx.run(sql`DELETE FROM community_tags
    WHERE community_id IN (SELECT c.id FROM json_each(${batch}) e CROSS JOIN communities c ON c.connection_id = ${connectionId} AND c.external_id = e.value ->> 'ext')
      AND (community_id, tag) NOT IN (${wanted})`);
  await tx.run(sql`INSERT INTO community_tags (community_id, tag) SELECT community_id, tag FROM (${wanted}) WHERE true
    ON CONFLICT DO NOTHING`);
}

/**
 * Recomputes tree keys and depths for the whole connection (communities are few) and
 * carries a changed key to the denormalised sort columns of the queues.
 */
async function placeTree(tx: Tx, connectionId: string, now: number): Promise<void> {
  const nodes = await tx.all<{ id: string; parent_id: string | null; name: string; tree_key: string; depth: number }>(
    sql`SELECT id, parent_id, name, tree_key, depth FROM communities WHERE connection_id = ${connectionId}`,
  );
  const places = placeInTree(nodes.map((n) => ({ id: n.id, parentId: n.parent_id, name: n.name })));
  const changed = nodes.flatMap((n) => {
    const place = places.get(n.id);
    return place && (place.treeKey !== n.tree_key || place.depth !== n.depth) ? [{ id: n.id, key: place.treeKey, depth: place.depth }] : [];
  });
  if (changed.length === 0) return;
  const rows = json(changed);
  await tx.run(sql`UPDATE communities SET tree_key = e.value ->> 'key', depth = e.value ->> 'depth', updated_at = ${now}
    FROM json_each(${rows}) e WHERE communities.id = e.value ->> 'id'`);
  await tx.run(sql`UPDATE join_requests SET community_sort = e.value ->> 'key'
    FROM json_each(${rows}) e WHERE join_requests.community_id = e.value ->> 'id' AND join_requests.community_sort IS NOT e.value ->> 'key'`);
  await tx.run(sql`UPDATE flags SET community_sort = e.value ->> 'key'
    FROM json_each(${rows}) e WHERE flags.community_id = e.value ->> 'id' AND flags.community_sort IS NOT e.value ->> 'key'`);
  tx.touch('join_requests', 'flags');
}
