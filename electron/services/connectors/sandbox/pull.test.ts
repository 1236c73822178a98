import type { Connector, Cursor, JoinRequestItem, Page } from '@shared/connectors';
import { isConnectorFailure } from '@shared/connectors';
import { startQuietSandbox } from '@services/sandbox/fixture';
import type { SandboxServer } from '@services/sandbox/server';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandboxConnector } from './connector';

const servers: SandboxServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function connect(options: Parameters<typeof startQuietSandbox>[0] = {}) {
  const server = await startQuietSandbox(options);
  servers.push(server);
  return { server, connector: createSandboxConnector({ baseUrl: server.url, token: server.token }) };
}

/** Pulls pages until complete; returns the items and the cursor to commit. */
async function pullAll<T>(pull: (cursor: Cursor | null) => Promise<Page<T>>, from: Cursor | null = null) {
  const items: T[] = [];
  let cursor = from;
  let pages = 0;
  for (;;) {
    const page = await pull(cursor);
    items.push(...page.items);
    cursor = page.next;
    pages++;
    if (page.complete) return { items, cursor, pages };
  }
}

const pullJoins = (connector: Connector, from: Cursor | null = null, limit = 1_000) => pullAll((c) => connector.pullJoinRequests(c, { limit }), from);

describe('pulling join requests', () => {
  it('pages through 100,000 with no duplicates and no gaps, then has nothing new', async () => {
    const { connector } = await connect({ volume: 100_000 });
    const started = performance.now();
    const { items, cursor, pages } = await pullJoins(connector);
    const elapsed = performance.now() - started;
    console.log(`pulled 100,000 join requests in ${pages} pages over loopback HTTP in ${Math.round(elapsed)} ms`);
    expect(items).toHaveLength(100_000);
    const ids = new Set(items.map((r) => r.externalId));
    expect(ids.size).toBe(100_000);
    for (let i = 0; i < 100_000; i++) expect(ids.has(`jr_${i}`)).toBe(true);
    expect(items.every((r) => r.status === 'pending' && r.version === '1')).toBe(true);

    const again = await connector.pullJoinRequests(cursor);
    expect(again).toMatchObject({ items: [], complete: true });
  });

  it('surfaces changes made elsewhere in a later pull, with who and when', async () => {
    const { server, connector } = await connect({ volume: 300 });
    const first = await pullJoins(connector);
    server.handleElsewhere({ joinRequestIds: ['jr_17', 'jr_230'] });
    server.advance({ joinRequests: 2 });
    const later = await pullJoins(connector, first.cursor);
    expect(later.items.map((r) => r.externalId)).toEqual(['jr_17', 'jr_230', 'jr_300', 'jr_301']);
    const handled = later.items[0] as JoinRequestItem;
    expect(handled.status).toMatch(/approved|declined/);
    expect(handled.version).toBe('2');
    expect(handled.handledBy?.name).toBeTruthy();
    expect(later.items[2]?.status).toBe('pending');
    expect((await connector.pullJoinRequests(later.cursor)).items).toEqual([]);
  });

  it('reports the expected total and clamps the page size', async () => {
    const { connector } = await connect({ volume: 3_000 });
    const page = await connector.pullJoinRequests(null, { limit: 50_000 });
    expect(page.items).toHaveLength(1_000);
    expect(page.expectedTotal).toBe(3_000);
  });

  it('fails with cursor-expired after the platform was reset', async () => {
    const { server, connector } = await connect({ volume: 50 });
    const page = await connector.pullJoinRequests(null, { limit: 10 });
    server.reset();
    const error = await connector.pullJoinRequests(page.next).catch((e: unknown) => e);
    expect(isConnectorFailure(error) && error.error).toMatchObject({ class: 'invalid', reason: 'cursor-expired' });
  });
});

describe('determinism over HTTP', () => {
  it('serves the same items from two servers with the same seed', async () => {
    const a = await connect({ seed: 99, volume: 1_000 });
    const b = await connect({ seed: 99, volume: 1_000 });
    expect((await b.connector.listCommunities(null)).items).toEqual((await a.connector.listCommunities(null)).items);
    expect((await b.connector.pullJoinRequests(null, { limit: 300 })).items).toEqual((await a.connector.pullJoinRequests(null, { limit: 300 })).items);
    expect((await b.connector.pullReports(null, { limit: 20 })).items).toEqual((await a.connector.pullReports(null, { limit: 20 })).items);
  });
});

describe('communities and reports', () => {
  it('lists the community forest in one complete page', async () => {
    const { connector } = await connect();
    const page = await connector.listCommunities(null);
    expect(page.complete).toBe(true);
    expect(page.next).toBeNull();
    const byId = new Map(page.items.map((c) => [c.externalId, c]));
    const children = page.items.filter((c) => c.parentExternalId !== null);
    expect(children.length).toBeGreaterThan(10);
    expect(children.every((c) => byId.get(c.parentExternalId as string)?.kind === 'community')).toBe(true);
  });

  it('pulls reports with their surrounding conversation', async () => {
    const { connector, server } = await connect({ volume: 400 });
    const { items, cursor } = await pullAll((c) => connector.pullReports(c, { limit: 200 }));
    expect(items).toHaveLength(60);
    const report = items[0];
    expect(report?.context).toHaveLength(20);
    expect(report?.context.every((m) => m.conversationId === report.message.conversationId)).toBe(true);
    server.handleElsewhere({ reportIds: ['rp_5'] });
    const later = await connector.pullReports(cursor);
    expect(later.items.map((r) => [r.externalId, r.status])).toEqual([['rp_5', 'resolved']]);
  });
});

describe('the messages feed', () => {
  it('walks every report conversation, then follows what members post; a pull from the committed cursor repeats nothing', async () => {
    const { server, connector } = await connect({ volume: 40, reports: 18 });
    const first = await pullAll((c) => connector.pullMessages(c, { limit: 50 }));
    // 18 reports, two of which repeat the previous report's message: 16 conversations of 21.
    expect(first.items).toHaveLength(16 * 21);
    expect(new Set(first.items.map((m) => m.externalId)).size).toBe(16 * 21);
    expect(first.pages).toBe(7);
    const report = (await connector.pullReports(null, { limit: 1 })).items[0];
    expect(first.items.find((m) => m.externalId === report?.message.externalId)).toEqual(report?.message);

    const community = server.world().communities.find((c) => c.acceptsMembers)?.id ?? '';
    const posted = server.post({ communityId: community, personId: 'u_12', body: '<script>alert(1)</script> free crypto' });
    server.advance({ messages: 3, reports: 1 });
    const later = await pullAll((c) => connector.pullMessages(c), first.cursor);
    expect(later.items.map((m) => m.externalId)).toEqual([posted?.id, ...Array.from({ length: 21 }, (_, p) => `m_18_${p}`), 'mc_1', 'mc_2', 'mc_3']);
    expect(later.items[0]).toMatchObject({ communityExternalId: community, conversationId: `ch_${community}`, body: '<script>alert(1)</script> free crypto', author: { externalId: 'u_12' } });
    expect((await pullAll((c) => connector.pullMessages(c), later.cursor)).items).toEqual([]);
  });

  it('leaves out a removed message, and refuses a cursor from an earlier world', async () => {
    const { server, connector } = await connect({ volume: 10, reports: 1 });
    const page = await connector.pullMessages(null, { limit: 5 });
    const target = page.items[0];
    await connector.moderate({ type: 'removeMessage', communityExternalId: target?.communityExternalId ?? '', messageExternalId: target?.externalId ?? '', reason: null }, { idempotencyKey: 'rm-1' });
    expect((await pullAll((c) => connector.pullMessages(c))).items.map((m) => m.externalId)).not.toContain(target?.externalId);
    server.reset();
    const error = await connector.pullMessages(page.next).catch((e: unknown) => e);
    expect(isConnectorFailure(error) && error.error).toMatchObject({ class: 'invalid', reason: 'cursor-expired' });
  });

  it('has no combined update stream', async () => {
    const { connector } = await connect({ volume: 1 });
    const error = await connector.pullUpdates(null).catch((e: unknown) => e);
    expect(isConnectorFailure(error) && error.error).toMatchObject({ class: 'invalid', reason: 'unsupported' });
  });
});
