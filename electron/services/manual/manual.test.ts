import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../app/host';
import { startTestServices, type TestServices } from '../app/testing';

let rig: TestServices;
let services: Services;
const call = async (name: string, payload: unknown) => {
  const result = await services.dispatch(name, payload);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as never;
};

beforeEach(async () => {
  rig = await startTestServices('modboard-manual-');
  services = rig.services;
});
afterEach(() => rig.stop());

describe('manual Facebook groups', () => {
  it('adds a group by URL with deep links to its admin pages, once however often it is pasted', async () => {
    const connection: { id: string } = await call('manual.addConnection', { name: 'Facebook groups' });
    await call('manual.addGroup', { connectionId: connection.id, url: 'https://m.facebook.com/groups/gardeners.uk/posts/123', name: 'UK gardeners' });
    await call('manual.addGroup', { connectionId: connection.id, url: 'facebook.com/groups/gardeners.uk' });
    const groups: { name: string; links: { label: string; url: string }[] }[] = await call('manual.groups', {});
    expect(groups).toHaveLength(1);
    expect(groups[0]?.links.find((l) => l.label === 'Member requests')?.url).toBe('https://www.facebook.com/groups/gardeners.uk/member-requests/');
    for (const url of ['javascript:alert(1)', 'https://evil.example/groups/x', 'https://user:pw@www.facebook.com/groups/x'])
      expect(await services.dispatch('manual.addGroup', { connectionId: connection.id, url })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('records an outcome by hand: counted, audited and on the person card, with nothing to push', async () => {
    const connection: { id: string } = await call('manual.addConnection', { name: 'Facebook groups' });
    const { communityId }: { communityId: string } = await call('manual.addGroup', { connectionId: connection.id, url: 'https://www.facebook.com/groups/123456' });
    const { joinRequestId }: { joinRequestId: string } = await call('manual.recordJoinRequest', {
      communityId,
      personName: 'Sam <b>Spam</b>',
      profileUrl: 'https://www.facebook.com/sam.spam',
      answers: [{ question: 'Why join?', answer: 'win money http://x.example' }],
      decision: 'decline',
      reason: 'Spam',
    });
    const detail: { status: string; decisionReason: string; syncState: string; signals: string[]; person: { displayName: string } } = await call(
      'joinRequests.detail',
      { id: joinRequestId },
    );
    expect(detail).toMatchObject({ status: 'declined', decisionReason: 'Spam', syncState: 'synced', person: { displayName: 'Sam <b>Spam</b>' } });
    expect(detail.signals).toContain('link-in-answer');
    expect(await call('outbox.window', { offset: 0, limit: 10, sort: [], filters: {} })).toMatchObject({ total: 0 });
    const audit: { rows: { action: string }[] } = await call('audit.window', { offset: 0, limit: 10, sort: [], filters: {} });
    expect(audit.rows.map((r) => r.action)).toContain('join.decline');
  });
});
