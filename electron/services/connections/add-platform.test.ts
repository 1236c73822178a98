import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServices, type TestServices } from '../app/testing';
import type { Services } from '../app/host';
import { FakeTelegram } from '../../../test/platforms/telegram/fake-telegram-server';

let dir: string;
let rig: TestServices;
let services: Services;
let telegram: FakeTelegram;

beforeEach(async () => {
  telegram = await FakeTelegram.start();
  rig = await startTestServices('modboard-add-platform-');
  services = rig.services;
  dir = rig.dir;
});
afterEach(async () => {
  await rig.stop();
  await telegram.close();
});

describe('connecting a platform', () => {
  it('checks the credentials first, then keeps the token only in the encrypted vault', async () => {
    const added = await services.dispatch('connections.add', { kind: 'telegram', name: 'Our bot', baseUrl: telegram.url, token: telegram.token });
    expect(added).toMatchObject({ ok: true, value: { kind: 'telegram', name: 'Our bot', state: 'active' } });
    for (const file of readdirSync(dir).filter((f) => !f.endsWith('.key')))
      expect(readFileSync(join(dir, file)).includes(Buffer.from(telegram.token)), file).toBe(false);
    const audit = await services.dispatch('audit.window', { offset: 0, limit: 5, sort: [], filters: {} });
    expect(JSON.stringify(audit)).toContain('acting as');
  });

  it('saves nothing when the platform refuses the token', async () => {
    const refused = await services.dispatch('connections.add', { kind: 'telegram', name: 'Wrong', baseUrl: telegram.url, token: '999:nope' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/refused/) } });
    expect(await services.dispatch('connections.list', {})).toEqual({ ok: true, value: [] });
  });

  it('refuses a plain-http address off this machine before sending the token anywhere', async () => {
    const refused = await services.dispatch('connections.add', { kind: 'discord', name: 'D', baseUrl: 'http://discord.com/api/v10', token: 't' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/https/) } });
  });
});
