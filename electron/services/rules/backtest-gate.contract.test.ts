import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Services } from '../app/host';
import { startTestServices, type TestServices } from '../app/testing';

/**
 * The same rule through the contract, as any renderer (or a tampered one) would send it:
 * the backtest calls are what record a backtest, and an enabling without one is a typed
 * `conflict` the panels show, not a rule that quietly starts acting.
 */
let rig: TestServices;
let services: Services;
beforeEach(async () => {
  rig = await startTestServices('modboard-backtest-contract-');
  services = rig.services;
});
afterEach(() => rig.stop());

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
