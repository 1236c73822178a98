import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityItem, Connector, Cursor, JoinRequestItem, Page } from '@shared/connectors';
import { classOf, RESULT_SCHEMAS, type ResultKind } from './connector-results';
import { mangleArbitrary } from './mangling-proxy';
import { PLATFORMS, type FuzzPlatform } from './platforms';

/**
 * Each connector's response parsing, over real loopback HTTP, with one answer of a call
 * mangled (truncated, retyped, a key dropped, a 3 MB field, HTML or junk instead of
 * JSON): the call returns a well-formed result or throws a classified ConnectorFailure,
 * `invalid` or `transient` when the damaged answer was a success; it never throws
 * anything else, never returns a malformed item, and never hangs. FUZZ_RUNS raises the count.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 80);

interface Operation {
  readonly name: string;
  readonly kind: ResultKind;
  readonly call: (connector: Connector, n: number) => Promise<unknown>;
}

interface Seen {
  readonly connector: Connector;
  readonly community: CommunityItem;
  readonly request: JoinRequestItem | undefined;
  /** Cursors past the first page, so later pages are damaged too. */
  readonly communityCursor: Cursor | null;
  readonly requestCursor: Cursor | null;
}

async function firstItems<T>(pull: (cursor: Cursor | null) => Promise<Page<T>>): Promise<{ items: T[]; cursor: Cursor | null }> {
  const items: T[] = [];
  let cursor: Cursor | null = null;
  let second: Cursor | null = null;
  for (let pages = 0; pages < 10; pages++) {
    const page: Page<T> = await pull(cursor);
    items.push(...page.items);
    cursor = page.next;
    second ??= page.complete ? null : page.next;
    if (page.complete || items.length > 0) break;
  }
  return { items, cursor: second };
}

function operations({ connector, community, request, communityCursor, requestCursor }: Seen): Operation[] {
  const push = { idempotencyKey: '' };
  const descriptor = connector.describe();
  const feeds: Operation[] = [
    ...(descriptor.capabilities.includes('messages.pull') ? [{ name: 'pullMessages', kind: 'pullMessages' as const, call: (c: Connector) => c.pullMessages(null, { limit: 10 }) }] : []),
    ...((descriptor.delivery.combined ?? []).length > 0 ? [{ name: 'pullUpdates', kind: 'pullUpdates' as const, call: (c: Connector) => c.pullUpdates(null, { limit: 10 }) }] : []),
  ];
  return [
    ...feeds,
    { name: 'verifyAuth', kind: 'verifyAuth', call: (c) => c.verifyAuth() },
    { name: 'listCommunities', kind: 'listCommunities', call: (c) => c.listCommunities(null, { limit: 20 }) },
    { name: 'listCommunities (later page)', kind: 'listCommunities', call: (c) => c.listCommunities(communityCursor, { limit: 20 }) },
    { name: 'pullJoinRequests', kind: 'pullJoinRequests', call: (c) => c.pullJoinRequests(null, { limit: 20 }) },
    { name: 'pullJoinRequests (later page)', kind: 'pullJoinRequests', call: (c) => c.pullJoinRequests(requestCursor, { limit: 3 }) },
    { name: 'pullReports', kind: 'pullReports', call: (c) => c.pullReports(null, { limit: 10 }) },
    {
      name: 'sendAnnouncement',
      kind: 'push',
      call: (c, n) => c.sendAnnouncement({ communityExternalId: community.externalId, text: `Fuzz ${n}` }, { ...push, idempotencyKey: `announce-${n}` }),
    },
    ...(request
      ? [
          {
            name: 'decideJoinRequest',
            kind: 'push' as const,
            call: (c: Connector, n: number) =>
              c.decideJoinRequest(
                { requestExternalId: request.externalId, communityExternalId: request.communityExternalId, version: request.version, decision: n % 2 ? 'approve' : 'decline', reason: null, ban: false },
                { idempotencyKey: `decide-${n}` },
              ),
          },
        ]
      : []),
    { name: 'reconcile', kind: 'reconcile', call: (c, n) => c.reconcile(`announce-${n - 1}`) },
  ];
}

describe.each(Object.keys(PLATFORMS))('the %s connector under mangled answers', (platformName) => {
  let platform: FuzzPlatform;
  let ops: Operation[] = [];
  beforeAll(async () => {
    platform = await (PLATFORMS[platformName] as () => Promise<FuzzPlatform>)();
    const { connector } = platform;
    const communities = await firstItems((cursor) => connector.listCommunities(cursor, { limit: 20 }));
    const requests = connector.describe().capabilities.includes('joinRequests.pull')
      ? await firstItems((cursor) => connector.pullJoinRequests(cursor, { limit: 3 }))
      : { items: [], cursor: null };
    const community = communities.items[0];
    if (!community) throw new Error(`${platformName} has no community to aim at`);
    ops = operations({ connector, community, request: requests.items[0], communityCursor: communities.cursor, requestCursor: requests.cursor });
  }, 30_000);
  afterAll(() => platform.close());

  it('classifies every damaged answer, and returns only well-formed results', async () => {
    let n = 0;
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.nat(ops.length - 1), fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, fc.nat(3)), mangleArbitrary, async (which, nth, how) => {
        const op = ops[which] as Operation;
        platform.proxy.arm(nth, how);
        const started = performance.now();
        const outcome = await op.call(platform.connector, ++n).then(
          (value) => ({ value }),
          (error: unknown) => ({ failure: classOf(error) }),
        );
        expect(performance.now() - started, `${op.name} took too long`).toBeLessThan(10_000);
        const mangledSuccess = platform.proxy.mangled !== null && platform.proxy.mangled.status < 300;
        if ('failure' in outcome) {
          seen.set(outcome.failure, (seen.get(outcome.failure) ?? 0) + 1);
          if (mangledSuccess) expect(['invalid', 'transient'], `${op.name} with ${how.kind}`).toContain(outcome.failure);
        } else {
          const parsed = RESULT_SCHEMAS[op.kind].safeParse(outcome.value);
          expect(parsed.success, `${op.name} returned a malformed result after ${how.kind}: ${parsed.error?.message.slice(0, 500)}`).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    if (process.env.FUZZ_STATS) console.log(platformName, ops.map((o) => o.name).join(','), [...seen]);
    expect(seen.get('invalid') ?? 0).toBeGreaterThan(0);
    expect(seen.get('transient') ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
