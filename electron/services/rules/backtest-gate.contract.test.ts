import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Services } from '../app/host';
import { silentLogger } from '../app/logger';
import { startServices } from '../app/start-services';
import { createConfSettingsBackend } from '../settings/conf-backend';

/**
 * The same rule through the contract, as any renderer (or a tampered one) would send it:
 * the backtest calls are what record a backtest, and an enabling without one is a typed
 * `conflict` the panels show, not a rule that quietly starts acting.
 */
let dir: string;
let services: Services;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modboard-backtest-contract-'));
  services = await startServices({
    dataDir: dir,
    settings: createConfSettingsBackend(dir),
    host: { kind: 'browser', openExternal: async () => false },
    log: silentLogger,
    appVersion: 'test',
    startSync: false,
  });
});
afterEach(async () => {
  await services.stop();
  rmSync(dir, { recursive: true, force: true });
});

const refused = { ok: false, error: { code: 'conflict', message: expect.stringMatching(/^Backtest this rule before enabling it/) } };

it('alertRules.save with enabled: true is refused until alertRules.backtest ran that exact test', async () => {
  const definition = { name: 'Airdrops', match: { kind: 'keywords', words: ['airdrop'], match: 'any' } };
  expect(await services.dispatch('alertRules.save', { definition, enabled: true })).toMatchObject(refused);
  expect(await services.dispatch('alertRules.list', {})).toMatchObject({ ok: true, value: [] });
  expect(await services.dispatch('alertRules.backtest', { definition: { ...definition, match: { ...definition.match, words: ['airdrops'] } } })).toMatchObject({ ok: true });
  expect(await services.dispatch('alertRules.save', { definition, enabled: true })).toMatchObject(refused);
  expect(await services.dispatch('alertRules.backtest', { definition })).toMatchObject({ ok: true, value: { scanned: 0 } });
  expect(await services.dispatch('alertRules.save', { definition, enabled: true })).toMatchObject({ ok: true, value: { enabled: true } });
});

it('rules.setEnabled is refused until rules.backtest ran the saved version; a draft backtest does not count', async () => {
  const definition = { name: 'Empty answers', conditions: [{ kind: 'answers-empty' }], action: { kind: 'review' } };
  const saved = await services.dispatch('rules.save', { definition });
  if (!saved.ok) throw new Error(saved.error.message);
  const { id } = saved.value as { id: string };
  expect(await services.dispatch('rules.backtest', { definition })).toMatchObject({ ok: true });
  expect(await services.dispatch('rules.setEnabled', { id, enabled: true })).toMatchObject(refused);
  expect(await services.dispatch('rules.backtest', { ruleId: id })).toMatchObject({ ok: true });
  expect(await services.dispatch('rules.setEnabled', { id, enabled: true })).toMatchObject({ ok: true, value: { enabled: true } });
});
