import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from '../sql';
import { ingestCommunities } from './communities-ingest';
import { ingestJoinRequests } from './join-requests-ingest';
import { addConnection, community, joinRequest, openTempStore, T0, type TempStore } from './testing';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore();
  await addConnection(temp.store);
});
afterEach(() => temp.cleanup());

const communities = () =>
  temp.store.reader.all<{ external_id: string; name: string; parent: string | null; tree_key: string; depth: number }>(
    sql`SELECT c.external_id, c.name, p.external_id AS parent, c.tree_key, c.depth FROM communities c
        LEFT JOIN communities p ON p.id = c.parent_id ORDER BY c.tree_key`,
  );
const tags = () => temp.store.reader.all<{ tag: string }>(sql`SELECT tag FROM community_tags ORDER BY tag`);

describe('ingestCommunities', () => {
  it('places sub-groups under parents that arrive later, and fills in placeholders', async () => {
    await temp.store.writer.transaction((tx) => ingestJoinRequests(tx, 'CONN', [joinRequest('r1', { communityExternalId: 'sub' })], T0));
    await temp.store.writer.transaction((tx) =>
      ingestCommunities(tx, 'CONN', [community('sub', { parentExternalId: 'root', name: 'Night Hikes', tags: ['outdoor', 'outdoor'] })], T0),
    );
    expect(await communities()).toEqual([
      { external_id: 'root', name: 'root', parent: null, tree_key: 'root', depth: 0 },
      { external_id: 'sub', name: 'Night Hikes', parent: 'root', tree_key: 'root / night hikes', depth: 1 },
    ]);
    await temp.store.writer.transaction((tx) => ingestCommunities(tx, 'CONN', [community('root', { name: 'Berlin Walkers', tags: ['city'] })], T0));
    expect((await communities()).map((c) => c.tree_key)).toEqual(['berlin walkers', 'berlin walkers / night hikes']);
    expect(await temp.store.reader.get(sql`SELECT community_sort FROM join_requests`)).toEqual({ community_sort: 'berlin walkers / night hikes' });
    expect(await tags()).toEqual([{ tag: 'city' }, { tag: 'outdoor' }]);
  });

  it('replaces tags and is idempotent on a re-list', async () => {
    const once = () => temp.store.writer.transaction((tx) => ingestCommunities(tx, 'CONN', [community('a', { tags: ['x', 'y'] })], T0));
    await once();
    await once();
    expect(await tags()).toEqual([{ tag: 'x' }, { tag: 'y' }]);
    await temp.store.writer.transaction((tx) => ingestCommunities(tx, 'CONN', [community('a', { tags: ['y', 'z'] })], T0));
    expect(await tags()).toEqual([{ tag: 'y' }, { tag: 'z' }]);
    expect(await temp.store.reader.get(sql`SELECT count(*) AS n FROM communities`)).toEqual({ n: 1 });
  });
});
