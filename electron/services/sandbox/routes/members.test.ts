import { afterEach, describe, expect, it } from 'vitest';
import { startQuietSandbox } from '../fixture';
import type { SandboxServer } from '../server';

let server: SandboxServer;
afterEach(() => server?.close());

async function call(method: string, path: string, options: { body?: unknown; key?: string } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${server.apiToken()}` };
  if (options.key) headers['idempotency-key'] = options.key;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  return { status: response.status, body: (await response.json()) as { error?: { code: string; current_state?: string; what?: string }; result?: string } };
}

/** A reported message of the world, with its author and community. */
async function reported() {
  const page = await call('GET', '/v1/reports?limit=2');
  const items = (page.body as unknown as { items: { message: { id: string; community_id: string; author: { id: string } } }[] }).items;
  return items.map(({ message }) => ({ message: message.id, community: message.community_id, user: message.author.id }));
}

const memberPath = (t: { community: string; user: string }, what: string) => `/v1/communities/${t.community}/members/${t.user}/${what}`;

describe('warnings and lifting sanctions', () => {
  it('delivers a warning tied to the person’s message once per key, and refuses a message that is not theirs there', async () => {
    server = await startQuietSandbox({ volume: 10, reports: 20 });
    const [first, second] = await reported();
    if (!first || !second) throw new Error('no reports');
    const body = { text: 'Your message was removed: <b>be kind</b>', message_id: first.message };
    expect((await call('POST', memberPath(first, 'warn'), { body, key: 'w1' })).body.result).toBe('applied');
    expect((await call('POST', memberPath(first, 'warn'), { body, key: 'w1' })).body.result).toBe('applied');
    expect(server.world().moderation.warningsTo(first.community, first.user)).toEqual([
      expect.objectContaining({ messageId: first.message, text: body.text }),
    ]);
    const log = server.actions().filter((a) => a.path.endsWith('/warn'));
    expect(log.map((a) => a.effect)).toEqual(['applied', 'duplicate']);

    const notTheirs = await call('POST', memberPath({ community: first.community, user: `${second.user === first.user ? 'u_1' : second.user}` }, 'warn'), { body, key: 'w2' });
    expect(notTheirs.status).toBe(404);
    expect(notTheirs.body.error?.what).toBe('message');
    expect((await call('POST', memberPath(first, 'warn'), { body: { text: '' }, key: 'w3' })).status).toBe(422);
    expect(server.state().world.moderation.warnings).toBe(1);
  });

  it('lifts a ban or mute in force; lifting again, or what was never set, answers already handled and changes nothing', async () => {
    server = await startQuietSandbox({ volume: 10, reports: 5 });
    const [target] = await reported();
    if (!target) throw new Error('no reports');
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect((await call('POST', memberPath(target, 'ban'), { body: { until, delete_history_seconds: 86_400 }, key: 'b1' })).status).toBe(200);
    expect(server.world().moderation.banOf(target.community, target.user, Date.now())).toEqual({ until: Date.parse(until), deleteHistorySeconds: 86_400 });
    expect((await call('POST', memberPath(target, 'mute'), { body: { until: null }, key: 'm1' })).status).toBe(200);

    expect((await call('POST', memberPath(target, 'unban'), { key: 'u1' })).body.result).toBe('applied');
    expect(server.world().moderation.isBanned(target.community, target.user, Date.now())).toBe(false);
    const again = await call('POST', memberPath(target, 'unban'), { key: 'u2' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'already_handled', current_state: 'not banned' });

    expect((await call('POST', memberPath(target, 'unmute'), { body: {}, key: 'u3' })).body.result).toBe('applied');
    expect(server.world().moderation.isMuted(target.community, target.user, Date.now())).toBe(false);
    expect((await call('POST', memberPath(target, 'unmute'), { body: { until: null }, key: 'u4' })).status).toBe(422);
    expect(server.state().world.moderation).toMatchObject({ bans: 0, mutes: 0, unbans: 1, unmutes: 1 });
  });
});
