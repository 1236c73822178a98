import { afterEach, beforeEach, expect, it } from 'vitest';
import { eventually, removeDataDir, rows, startPlatformApp, type PlatformApp } from './app';

/**
 * Facebook Groups has had no API since April 2024: the manual connector through the
 * whole app. Connect, add a group by its URL, get deep links to its admin pages,
 * record outcomes by hand; counts and the audit log reflect them, and nothing is
 * ever queued for a platform that cannot receive it.
 */
let app: PlatformApp;
beforeEach(async () => {
  app = await startPlatformApp();
});
afterEach(async () => {
  await app.stop();
  removeDataDir(app.dataDir);
});

it('connects, adds a group by URL with deep links, and records outcomes that counts and audit reflect', async () => {
  const connection = await app.call('manual.addConnection', { name: 'Facebook groups' });
  expect(connection).toMatchObject({ kind: 'facebook-manual', state: 'active' });
  const { communityId } = await app.call('manual.addGroup', { connectionId: connection.id, url: 'https://www.facebook.com/groups/gardeners.uk/?ref=share', name: 'UK gardeners' });
  const [group] = await app.call('manual.groups', {});
  expect(group?.links.map((l) => l.url)).toEqual(expect.arrayContaining(['https://www.facebook.com/groups/gardeners.uk/member-requests/']));
  expect(group?.links.every((l) => l.url.startsWith('https://www.facebook.com/groups/gardeners.uk/'))).toBe(true);

  for (const [personName, decision] of [['Robin', 'approve'], ['Sam <img src=x onerror=alert(1)>', 'decline']] as const)
    await app.call('manual.recordJoinRequest', { communityId, personName, answers: [], decision, ...(decision === 'decline' ? { reason: 'Spam' } : {}) });

  expect((await app.call('manual.groups', {}))[0]?.recorded).toBe(2);
  const requests = await rows.joinRequests(app);
  expect(requests.map((r) => [r.personName, r.status, r.syncState]).sort()).toEqual([
    ['Robin', 'approved', 'synced'],
    ['Sam <img src=x onerror=alert(1)>', 'declined', 'synced'],
  ]);
  const [community] = await eventually(() => rows.communities(app), (list) => list.length === 1, 'the group to be listed');
  expect(community).toMatchObject({ name: 'UK gardeners', platform: 'facebook-manual', pendingJoinRequests: 0 });
  expect(await app.call('queues.counts', {})).toMatchObject({ pendingJoinRequests: 0, pendingPushes: 0, failedPushes: 0 });
  expect(await rows.outbox(app)).toEqual([]);
  const actions = (await rows.audit(app)).map((entry) => entry.action);
  expect(actions).toEqual(expect.arrayContaining(['connection.add', 'join.approve', 'join.decline']));
});
