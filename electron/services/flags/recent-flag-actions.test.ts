import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recentActions } from '../decisions/recent-actions';
import { addConnection, openTempStore, type TempStore } from '../store/repositories/testing';
import { recentFlagActions } from './recent-flag-actions';
import { decide, flagIdOf, ingest, reportedMessages } from './testing';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore('modboard-recent-flag-');
  await addConnection(temp.store);
});
afterEach(() => temp.cleanup());

describe('Recent actions per queue', () => {
  it('lists an action on flagged messages in the Flagged drawer only, never as a join-request decision', async () => {
    await ingest(temp.store, reportedMessages(2));
    const action = await decide(temp.store, { kind: 'ids', ids: [await flagIdOf(temp.store, 'rm0')] }, { kind: 'remove' });
    expect((await recentFlagActions(temp.store.reader, 10)).map((a) => [a.id, a.decision])).toEqual([[action.actionId, 'remove']]);
    expect(await recentActions(temp.store.reader, 10)).toEqual([]);
  });
});
