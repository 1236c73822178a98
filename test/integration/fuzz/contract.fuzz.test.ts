import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { calls, CALL_NAMES, type CallName } from '@shared/contract';
import type { Services } from '@services/app/host';
import { silentLogger } from '@services/app/logger';
import { startServices } from '@services/app/start-services';
import { createConfSettingsBackend } from '@services/settings/conf-backend';
import { SqliteConnection } from '@services/store/connection';
import { openStore } from '@services/store/database';
import { trusted } from '@services/store/sql';
import { tempFolder } from '@services/store/testing-files';
import { seedQueue } from '../../fixtures/seed-queue';
import { anyPayload, breakPayload } from './hostile-payloads';
import { arbitraryFor, type JsonSchema } from './json-schema-arbitrary';

/**
 * Every contract call, fed valid, broken and arbitrary payloads through the real
 * dispatcher and services: a payload its schema refuses gets `invalid-input` and writes
 * nothing; one it accepts gets a result or a typed error (never `internal`, which means
 * a bug); any failure leaves the database and the settings file as they were; and the
 * process keeps serving. FUZZ_RUNS raises the number of payloads per call.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
/** Their handlers contact whatever address they are given: only refused payloads are sent to them. */
const REACHES_NETWORK: ReadonlySet<CallName> = new Set(['connections.add', 'connections.addSandbox', 'connections.reconnect']);
const ERROR_CODES = ['invalid-input', 'unknown-method', 'not-found', 'conflict', 'forbidden', 'unavailable', 'storage-full', 'storage-readonly', 'internal'];

let folder: ReturnType<typeof tempFolder>;
let services: Services;
let dbFile: string;
let known: string[] = [];

/** Ids that exist (a few per table), so generated payloads reach past "not found". */
async function knownIds(file: string): Promise<string[]> {
  const db = await SqliteConnection.open(file, 'readonly');
  try {
    const tables = await db.all<{ name: string }>(trusted(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql LIKE '%id %TEXT%'`));
    const ids: string[] = [];
    for (const { name } of tables) {
      const columns = await db.all<{ name: string }>(trusted(`PRAGMA table_info("${name}")`));
      if (columns.some((c) => c.name === 'id')) ids.push(...(await db.all<{ id: unknown }>(trusted(`SELECT id FROM "${name}" LIMIT 4`))).map((r) => String(r.id)));
    }
    return [...new Set(ids)];
  } finally {
    await db.close();
  }
}

/**
 * What "wrote nothing" means: SQLite's `data_version`, read on our own connection,
 * changes whenever another connection commits anything at all; and the settings file's bytes.
 */
let watcher: SqliteConnection;
const snapshot = async () => ({
  commits: (await watcher.get<{ data_version: number }>(trusted('PRAGMA data_version')))?.data_version,
  settings: readFileSync(join(folder.dir, 'config.json'), 'utf8'),
});

beforeAll(async () => {
  folder = tempFolder('modboard-fuzz-');
  dbFile = join(folder.dir, 'modboard.sqlite');
  const store = await openStore(dbFile);
  await seedQueue(store, { joinRequests: 120, communities: 6 });
  await store.close();
  services = await startServices({
    dataDir: folder.dir,
    settings: createConfSettingsBackend(folder.dir),
    host: { kind: 'browser', openExternal: async () => false },
    log: silentLogger,
    appVersion: '0.0.0-fuzz',
    startSync: false,
  });
  const decided = await services.dispatch('joinRequests.decide', { target: { kind: 'query', filters: {}, except: [] }, decision: 'snooze' });
  expect(decided.ok).toBe(true);
  known = await knownIds(dbFile);
  watcher = await SqliteConnection.open(dbFile, 'readonly');
}, 60_000);
afterAll(async () => {
  await watcher.close();
  await services.stop();
  folder.cleanup();
});

/** Per call: payloads the schema accepted, and how those calls ended. */
const seen = new Map<CallName, { accepted: number; ok: number; codes: Set<string> }>();

async function dispatchChecked(name: CallName, payload: unknown): Promise<void> {
  const accepted = calls[name].input.safeParse(payload).success;
  const stats = seen.get(name) ?? { accepted: 0, ok: 0, codes: new Set<string>() };
  seen.set(name, stats);
  if (accepted) stats.accepted++;
  if (accepted && REACHES_NETWORK.has(name)) return;
  const before = await snapshot();
  const result = await services.dispatch(name, payload);
  expect(typeof result.ok).toBe('boolean');
  if (accepted) {
    if (result.ok) stats.ok++;
    else stats.codes.add(result.error.code);
  }
  if (result.ok) {
    expect(accepted, `${name} answered ok to a payload its schema refuses`).toBe(true);
    return;
  }
  expect(ERROR_CODES).toContain(result.error.code);
  expect(result.error.message.length).toBeGreaterThan(0);
  if (!accepted) expect(result.error.code).toBe('invalid-input');
  else expect(result.error.code, `${name}: ${result.error.message}`).not.toBe('internal');
  expect(await snapshot(), `${name} failed with ${result.error.code} but changed the data`).toEqual(before);
}

describe('every contract call under random and malformed payloads', () => {
  it.each([...CALL_NAMES])('%s', async (name) => {
    const schema = z.toJSONSchema(calls[name].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    const valid = arbitraryFor(schema, known);
    await fc.assert(
      fc.asyncProperty(fc.oneof(valid, breakPayload(valid), anyPayload), (payload) => dispatchChecked(name, payload)),
      { numRuns: RUNS },
    );
  });

  it('sent every call payloads it accepts, and saw the commits of those that write', async () => {
    const starved = [...CALL_NAMES].filter((name) => !REACHES_NETWORK.has(name) && (seen.get(name)?.accepted ?? 0) === 0);
    expect(starved, 'calls that never got a payload their schema accepts').toEqual([]);
    const before = await snapshot();
    expect(await services.dispatch('reasons.save', { label: 'Fuzz check', text: 'written' })).toMatchObject({ ok: true });
    expect((await snapshot()).commits).not.toBe(before.commits);
    if (process.env.FUZZ_STATS) for (const [name, s] of seen) console.log(name, s.accepted, s.ok, [...s.codes].join(','));
  });

  it('refuses unknown names, and still serves afterwards', async () => {
    await fc.assert(
      fc.asyncProperty(anyPayload, anyPayload, async (name, payload) => {
        if (typeof name === 'string' && (CALL_NAMES as readonly string[]).includes(name)) return;
        expect(await services.dispatch(name, payload)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
      }),
      { numRuns: RUNS },
    );
    expect(await services.dispatch('app.info', {})).toMatchObject({ ok: true, value: { version: '0.0.0-fuzz' } });
    expect(await services.dispatch('joinRequests.window', { offset: 0, limit: 5, sort: [], filters: {} })).toMatchObject({ ok: true });
  });
});
