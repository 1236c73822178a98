import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '@shared/contract';
import { createConfSettingsBackend } from '../settings/conf-backend';
import { LATEST_SCHEMA_VERSION } from '../store/migrations';
import { silentLogger } from './logger';
import { startServices } from './start-services';
import { addConnection, joinRequest, person, T0 } from '../store/repositories/testing';
import { ingestJoinRequests } from '../store/repositories/join-requests-ingest';
import { openStore } from '../store/database';
import { sql } from '../store/sql';
import { ARRIVALS_BATCH } from '../rules/rule-arrivals';
import { enabledRule, SPAM_REASON } from '../rules/testing';
import { until } from '../sync/testing';
import type { Services, ServicesOptions } from './host';

let dir: string;
let services: Services;

const options = (): ServicesOptions => ({
  dataDir: dir,
  settings: createConfSettingsBackend(dir),
  host: { kind: 'browser', openExternal: async () => false },
  log: silentLogger,
  appVersion: '0.0.0-test',
  startSync: false,
});
const start = () => startServices(options());

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modboard-services-'));
  services = await start();
});
afterEach(async () => {
  await services.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('dispatch', () => {
  it('answers a well-formed call', async () => {
    const result = await services.dispatch('communities.window', { offset: 0, limit: 10, sort: [], filters: {} });
    expect(result).toEqual({ ok: true, value: { rows: [], total: 0, offset: 0 } });
  });

  it('refuses unknown calls and malformed payloads on every call with a typed error', async () => {
    expect(await services.dispatch('constructor', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await services.dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    const junk = [null, 'x', 7, [], { offset: -1 }, { __proto__: { admin: true } }, { unexpected: 'field' }];
    for (const name of CALL_NAMES) {
      for (const payload of junk) {
        const result = await services.dispatch(name, payload);
        // Calls without input accept only an empty object; everything else must fail closed.
        if (result.ok) expect(payload, `${name} accepted ${JSON.stringify(payload)}`).toEqual({});
        else expect(result.error.code).toBe('invalid-input');
      }
    }
    // Still serving, and nothing was written by the junk.
    const prefs = await services.dispatch('settings.get', {});
    expect(prefs).toMatchObject({ ok: true, value: { undoGraceSeconds: 8 } });
  });

  it('saves a preference change and rejects an out-of-range one without writing', async () => {
    expect(await services.dispatch('settings.update', { undoGraceSeconds: 3 })).toMatchObject({ ok: true, value: { undoGraceSeconds: 3 } });
    const before = readFileSync(join(dir, 'config.json'), 'utf8');
    expect(await services.dispatch('settings.update', { undoGraceSeconds: 9999 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  it('refuses to open non-http links', async () => {
    expect(await services.dispatch('shell.openExternal', { url: 'javascript:alert(1)' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });
});

describe('settings file', () => {
  it('sets a damaged settings file aside and starts with defaults', async () => {
    await services.stop();
    writeFileSync(join(dir, 'config.json'), '{ this is not json');
    services = await start();
    expect(await services.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { theme: 'system' } });
    const info = await services.dispatch('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { host: 'browser', schemaVersion: LATEST_SCHEMA_VERSION } });
  });
});

describe('the rule runner', () => {
  /** Arrivals left for the rules by an earlier run: the runner judges them in batches as soon as the services start. */
  async function backlogForAnEnabledRule(n: number): Promise<void> {
    await services.stop();
    const store = await openStore(join(dir, 'modboard.sqlite'));
    await addConnection(store);
    await enabledRule(store, { name: 'Links', conditions: [{ kind: 'signal', signal: 'link-in-answer' }], action: { kind: 'decline', reasonId: SPAM_REASON } }, T0);
    const items = Array.from({ length: n }, (_, i) => joinRequest(`r${i}`, { person: person(`p${i}`), answers: [{ question: 'q', answer: 'https://bit.ly/x' }] }));
    await store.writer.transaction((tx) => ingestJoinRequests(tx, 'CONN', items, T0));
    await store.close();
  }

  const inbox = async () => {
    const store = await openStore(join(dir, 'modboard.sqlite'));
    const row = await store.reader.get<{ waiting: number; declined: number }>(
      sql`SELECT (SELECT count(*) FROM rule_inbox) AS waiting, (SELECT count(*) FROM join_requests WHERE status = 'declined') AS declined`,
    );
    await store.close();
    return row;
  };

  it('is started by the services and stopped with them: a stop mid-backlog ends its pass cleanly, and the next start finishes the work', async () => {
    await backlogForAnEnabledRule(4 * ARRIVALS_BATCH);
    const errors: string[] = [];
    const log = { ...silentLogger, error: (message: string, fields?: Record<string, unknown>) => errors.push(`${message} ${JSON.stringify(fields)}`) };
    services = await startServices({ ...options(), log });
    // Stopped mid-backlog: once the first batch is judged, while the rest wait.
    const pending = async () => {
      const counts = await services.dispatch('queues.counts', {});
      return counts.ok ? (counts.value as { pendingJoinRequests: number }).pendingJoinRequests : -1;
    };
    await until(async () => (await pending()) < 4 * ARRIVALS_BATCH, 10_000);
    await services.stop();
    expect(errors).toEqual([]);
    // Stopped between batches: each batch committed whole, and nothing moved after the stop.
    const afterStop = await inbox();
    expect((afterStop?.waiting ?? 0) + (afterStop?.declined ?? 0)).toBe(4 * ARRIVALS_BATCH);
    expect((afterStop?.declined ?? 0) % ARRIVALS_BATCH).toBe(0);
    expect(await inbox()).toEqual(afterStop);

    // The next start judges what was left.
    services = await startServices(options());
    await until(async () => (await pending()) === 0, 20_000);
  });
});
