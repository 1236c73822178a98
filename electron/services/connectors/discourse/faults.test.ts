import { isConnectorFailure, type Connector, type ConnectorError } from '@shared/connectors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscourseConnector } from './connector';
import { API_KEY, FakeDiscourse } from '../../../../test/platforms/discourse/fake-discourse-server';

let fake: FakeDiscourse;
let connector: Connector;
beforeEach(async () => {
  fake = await FakeDiscourse.start();
  connector = createDiscourseConnector({ baseUrl: fake.url, token: API_KEY }, { timeoutMs: 300 });
});
afterEach(() => fake.close());

async function errorOf(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!isConnectorFailure(error)) throw new Error(`expected a ConnectorFailure, got ${String(error)}`);
  expect(error.message).not.toContain(API_KEY);
  return error.error;
}

describe('rate limits', () => {
  it('reads Retry-After and names the limiter from Discourse-Rate-Limit-Error-Code', async () => {
    fake.inject({ reply: { status: 429, json: { errors: ['Slow down'], error_type: 'rate_limit' }, headers: { 'retry-after': '42', 'discourse-rate-limit-error-code': 'admin_api_key_rate_limit' } } });
    expect(await errorOf(connector.pullReports(null))).toEqual({ class: 'rate-limited', retryAfterMs: 42_000, scope: 'account', bucket: 'admin_api_key_rate_limit' });
  });

  it('falls back to extras.wait_seconds from an action limiter', async () => {
    fake.inject({ reply: { status: 429, json: { errors: ['You’ve performed this action too many times.'], error_type: 'rate_limit', extras: { wait_seconds: 13, time_left: '13 seconds' } } } });
    expect(await errorOf(connector.sendAnnouncement({ communityExternalId: 'site', text: 'Seed swap moved to Sunday' }, { idempotencyKey: 'k' }))).toEqual({ class: 'rate-limited', retryAfterMs: 13_000, scope: 'account' });
  });
});

describe('auth', () => {
  it('pauses on a bad key or username (403 saying so) and on 401', async () => {
    const wrongKey = createDiscourseConnector({ baseUrl: fake.url, token: 'b'.repeat(64) });
    expect(await errorOf(wrongKey.pullJoinRequests(null))).toEqual({ class: 'auth', reason: 'invalid-token' });
    const wrongUser = createDiscourseConnector({ baseUrl: `${fake.url}?username=nobody`, token: API_KEY });
    expect(await errorOf(wrongUser.verifyAuth())).toEqual({ class: 'auth', reason: 'invalid-token' });
    fake.inject({ reply: { status: 401, json: { errors: ['not logged in'], error_type: 'not_logged_in' } } });
    expect(await errorOf(connector.listCommunities(null))).toEqual({ class: 'auth', reason: 'invalid-token' });
  });

  it('reads any other 403 on a pull as a key without the rights to read the queue', async () => {
    fake.inject({ reply: { status: 403, json: { errors: ['You are not permitted to view the requested resource.'], error_type: 'invalid_access' } } });
    expect(await errorOf(connector.pullReports(null))).toEqual({ class: 'auth', reason: 'missing-permission' });
  });
});

describe('transient and malformed answers', () => {
  it('maps 5xx and a held request to transient, 404 to not-found', async () => {
    fake.inject({ reply: { status: 503, text: '<html>Maintenance</html>' } });
    expect(await errorOf(connector.pullReports(null))).toMatchObject({ class: 'transient', detail: expect.stringContaining('HTTP 503') });
    fake.inject({ reply: { hold: true } });
    expect(await errorOf(connector.pullReports(null))).toEqual({ class: 'transient', detail: 'no answer within 300 ms' });
    expect(await errorOf(connector.moderate({ type: 'resolveReport', reportExternalId: 'rv:404', version: '1', resolution: 'actioned' }, { idempotencyKey: 'k' }))).toEqual({ class: 'not-found', what: 'report' });
  });

  it('maps truncated JSON to transient and wrongly typed JSON to invalid', async () => {
    fake.inject({ reply: { status: 200, text: '{"reviewables":[{"id":1,' } });
    expect(await errorOf(connector.pullReports(null))).toMatchObject({ class: 'transient' });
    fake.inject({ reply: { status: 200, json: { reviewables: [{ id: 1, type: 'ReviewableFlaggedPost', status: 'pending', version: 1, created_at: 'x' }], meta: {} } } });
    expect(await errorOf(connector.pullReports(null))).toMatchObject({ class: 'invalid', detail: expect.stringContaining('reviewables.0.status') });
  });

  it('refuses a cursor it did not make and a site URL that is not http(s)', async () => {
    expect(await errorOf(connector.pullReports('tg.j.5.0'))).toMatchObject({ class: 'invalid', reason: 'cursor-expired' });
    const broken = createDiscourseConnector({ baseUrl: 'javascript:alert(1)', token: API_KEY });
    expect(await errorOf(broken.verifyAuth())).toMatchObject({ class: 'invalid' });
  });
});
