import { afterEach, expect, it } from 'vitest';
import { ConnectorFailure, type Connector } from '@shared/connectors';
import { createSandboxConnector } from '@services/connectors/sandbox/connector';
import { sql } from '@services/store/sql';
import { outboxStates, until, untilIdle, type SyncRig } from '@services/sync/testing';
import { startGarblingProxy, type GarblingProxy } from './garbling-proxy';
import { decide, pendingIds, pulledRig, untilSettled } from './rig';

/**
 * The platform took a push (2xx) but its answer cannot be read: a body cut short, an
 * HTML page from a proxy, JSON of another shape. The push may well have been applied,
 * so it is neither failed nor sent again blindly: the drainer asks the platform by
 * idempotency key first. The connector is declared as one that does not dedupe by key
 * (`sendIdempotency: 'none'`), as Telegram and Discourse do not, so a blind re-send
 * would be a real double; the Sandbox's request log shows every call it received.
 */
let rig: SyncRig | undefined;
let proxy: GarblingProxy | undefined;
afterEach(async () => {
  await rig?.close();
  await proxy?.close();
  rig = undefined;
  proxy = undefined;
});

const withoutNativeIdempotency = (connector: Connector): Connector => ({
  ...connector,
  describe: () => ({ ...connector.describe(), sendIdempotency: 'none' }),
});

async function throughProxy(): Promise<{ rig: SyncRig; start(): void; proxy: GarblingProxy }> {
  let connector: Connector | null = null;
  const setup = await pulledRig({ pull: false, engine: { connectorFor: async () => connector } });
  const p = await startGarblingProxy(setup.rig.server.url);
  connector = withoutNativeIdempotency(createSandboxConnector({ baseUrl: p.baseUrl, token: setup.rig.server.apiToken() }, { timeoutMs: 2_000 }));
  await setup.engine.runNow();
  await untilIdle(setup.engine);
  return { rig: setup.rig, proxy: p, start: () => setup.engine.start() };
}

const decisionPosts = (r: SyncRig) => r.server.requests().filter((q) => q.method === 'POST' && q.path.endsWith('/decision'));

const syncStates = async (r: SyncRig, ids: readonly string[]) =>
  (await r.temp.store.reader.all<{ id: string; state: string; attempts: number; last_error: string | null }>(
    sql`SELECT subject_id AS id, state, attempts, last_error FROM outbox ORDER BY seq`,
  )).filter((row) => ids.includes(row.id));

it.each([
  ['an HTML page from a proxy', '<html><body>200 OK</body></html>'],
  ['a body cut short', '{"status":"applied","at":"20'],
  ['JSON of another shape', '{"unexpected":true}'],
])('a decision answered 2xx with %s is reconciled, marked done and sent once', async (_, body) => {
  const setup = await throughProxy();
  rig = setup.rig;
  proxy = setup.proxy;
  const ids = await pendingIds(rig, 3);
  await decide(rig, ids);
  proxy.garble((method, path) => method === 'POST' && path.endsWith('/decision'), body);
  setup.start();
  await untilSettled(rig);

  expect(proxy.garbled).toBe(1);
  expect(await outboxStates(rig)).toEqual({ done: 3 });
  // One POST per decision reached the platform: the garbled one was confirmed, not re-sent.
  expect(decisionPosts(rig)).toHaveLength(3);
  expect(rig.server.actions().filter((a) => a.path.endsWith('/decision')).map((a) => a.effect)).toEqual(['applied', 'applied', 'applied']);
  expect(rig.server.requests().filter((q) => q.path.startsWith('/v1/actions/'))).toHaveLength(1);
  expect((await syncStates(rig, ids)).map((row) => [row.state, row.attempts])).toEqual([
    ['done', 1],
    ['done', 1],
    ['done', 1],
  ]);
  // Until the garbled push was confirmed, the connection sent nothing else.
  const order = rig.server.requests().filter((q) => q.path.startsWith('/v1/actions/') || (q.method === 'POST' && q.path.endsWith('/decision')));
  expect(order.map((q) => (q.path.startsWith('/v1/actions/') ? 'reconcile' : 'decision'))).toEqual(['decision', 'reconcile', 'decision', 'decision']);
});

it('a push the platform did not apply, whose 2xx answer could not be read, is sent again after the platform says so, once', async () => {
  const setup = await pulledRig();
  rig = setup.rig;
  const real = withoutNativeIdempotency(await rig.connectorFor(rig.connectionId).then((c) => c!));
  let garbled = 0;
  // A 2xx the platform answered without applying (its own fault): only reconcile can tell.
  const flaky: Connector = {
    ...real,
    async decideJoinRequest(decision, options) {
      if (garbled++ === 0) throw new ConnectorFailure({ class: 'transient', detail: 'decision: the answer was not complete JSON', unreadableSuccess: true });
      return real.decideJoinRequest(decision, options);
    },
  };
  const engine = rig.engine({ connectorFor: async () => flaky, random: () => 0, tuning: { backoff: { baseMs: 20, capMs: 100 } } });
  const [id = ''] = await pendingIds(rig, 1);
  await decide(rig, [id]);
  engine.start();
  await untilSettled(rig);

  expect(await outboxStates(rig)).toEqual({ done: 1 });
  expect(decisionPosts(rig)).toHaveLength(1);
  expect(rig.server.requests().filter((q) => q.path.startsWith('/v1/actions/'))).toHaveLength(1);
  expect((await syncStates(rig, [id]))[0]).toMatchObject({ state: 'done', attempts: 2 });
});

it('while the platform cannot confirm either, the push waits in flight: neither failed, nor sent twice', async () => {
  const setup = await throughProxy();
  rig = setup.rig;
  proxy = setup.proxy;
  const [id = ''] = await pendingIds(rig, 1);
  await decide(rig, [id]);
  // The decision's answer and every reconcile answer after it are unreadable.
  proxy.garble((method, path) => (method === 'POST' && path.endsWith('/decision')) || path.startsWith('/v1/actions/'), '<html></html>', 1_000);
  setup.start();
  await until(() => rig!.server.requests().some((q) => q.path.startsWith('/v1/actions/')), 10_000, 'a reconcile');

  expect(await outboxStates(rig)).toEqual({ 'in-flight': 1 });
  expect(decisionPosts(rig)).toHaveLength(1);
  // The platform answers again: the next reconcile (5 s later) finds it applied.
  proxy.garble(() => false, '');
  await untilSettled(rig, 15_000);
  expect(await outboxStates(rig)).toEqual({ done: 1 });
  expect(decisionPosts(rig)).toHaveLength(1);
}, 30_000);
