import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxPlatform } from '../platform';
import type { Rejection } from '../request-log';
import { apiRouter } from '../routes';
import { PRINCIPAL, type ApiContext, type ApiRoute } from '../routes/route';
import { garble, rateLimited, scopeOfBucket, serverErrorBody } from './fault-responses';
import { BodyTooLarge, canonicalJson, readBody, sendJson, sendText } from './io';
import { notFound, problem, type ApiResponse } from './respond';

/** What the server lends the pipeline so that `close()` can end waits and held requests. */
export interface PipelineHost {
  sleep(ms: number): Promise<void>;
  /** Never answers; calls `onGiveUp` when the client closes the connection. */
  hold(res: ServerResponse, onGiveUp: () => void): void;
}

const IDEMPOTENCY_HEADER = 'idempotency-key';
const MAX_KEY_LENGTH = 255;

/**
 * Serves one `/v1` request the way a platform would, with the configured faults:
 * auth, Retry-After enforcement, real limits, injected 429/5xx/timeouts/slowness,
 * idempotent pushes, dropped and garbled answers. Every request is logged.
 */
export async function serveApi(platform: SandboxPlatform, host: PipelineHost, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const arrivedAt = platform.now();
  platform.world.advanceTo(arrivedAt);
  const method = req.method ?? 'GET';
  const buckets = ['global', 'account'];
  let earlyRetry = false;
  let limited: { bucket: string; scope: ReturnType<typeof scopeOfBucket> } | null = null;
  const log = (status: number | null, rejected: Rejection | null) =>
    platform.requests.record({ at: arrivedAt, method, path: url.pathname, buckets, status, rejected, earlyRetry, limitedBucket: limited?.bucket ?? null, limitedScope: limited?.scope ?? null });
  const finish = (response: ApiResponse, rejected: Rejection | null = null) => {
    log(response.status, rejected);
    sendJson(res, response.status, response.body, response.headers);
  };
  const limit = (bucket: string, retryAfterMs: number) => {
    limited = { bucket, scope: scopeOfBucket(bucket) };
    platform.requests.block(bucket, arrivedAt + retryAfterMs);
    return finish(rateLimited(limited.scope, bucket, retryAfterMs), 'rate-limited');
  };

  let bodyText: string;
  try {
    bodyText = await readBody(req);
  } catch (error) {
    return finish(error instanceof BodyTooLarge ? problem(413, 'too_large', 'Request body over 1 MB') : problem(400, 'bad_request', 'Unreadable body'));
  }

  if (platform.faults.fires('expireAuth')) platform.tokens.expire();
  const auth = platform.tokens.checkApi(req.headers.authorization);
  if (auth !== 'ok') return finish(problem(401, auth === 'expired' ? 'token_expired' : 'invalid_token', `Authentication failed: ${auth}`), 'auth');

  const match = apiRouter.match(method, url.pathname);
  if (match === 'not-found') return finish(notFound('route'));
  if (match === 'method-not-allowed') return finish(problem(405, 'method_not_allowed', `${method} is not allowed here`));
  const { route, params } = match;
  const target = route.target?.(params, platform.world) ?? null;
  if (target) buckets.push(`target:${target}`);

  const blocked = platform.requests.blockingBucket(buckets, arrivedAt);
  if (blocked) {
    earlyRetry = true;
    return limit(blocked.bucket, blocked.until - arrivedAt);
  }
  const overLimit = platform.limiter?.take({ account: 'account', announceTarget: route.announce && target ? `target:${target}` : null }, arrivedAt);
  if (overLimit) return limit(overLimit.bucket, overLimit.retryAfterMs);
  if (platform.faults.fires('rateLimit')) {
    const { scope, retryAfterMs } = platform.faults.current.rateLimit;
    return limit(scope === 'target' && target ? `target:${target}` : scope === 'global' ? 'global' : 'account', retryAfterMs);
  }
  if (platform.faults.fires('serverError')) {
    const failure = serverErrorBody(platform.faults.variant('serverError', 3));
    log(failure.status, 'server-error');
    return sendText(res, failure.status, failure.text, failure.contentType, failure.headers);
  }
  if (platform.faults.fires('timeout')) return host.hold(res, () => log(null, 'timeout'));
  if (platform.faults.fires('slow')) await host.sleep(platform.faults.current.slow.delayMs);

  let body: unknown;
  try {
    body = bodyText === '' ? undefined : JSON.parse(bodyText);
  } catch {
    return finish(problem(400, 'bad_json', 'Request body is not JSON'));
  }
  const now = platform.now();
  platform.world.advanceTo(now);
  const context: ApiContext = { world: platform.world, principal: PRINCIPAL, faults: platform.faults, actions: platform.actions };
  const request = { params, query: url.searchParams, body, now };
  const response = route.push ? push(platform, route, req, url.pathname, body, () => route.handle(request, context), now) : route.handle(request, context);

  if (route.push && platform.faults.fires('dropAfterApply')) {
    log(null, 'dropped');
    res.destroy();
    return;
  }
  if (response.status < 300 && platform.faults.fires('garbled')) {
    log(response.status, null);
    return sendText(res, response.status, garble(response.body, platform.faults.variant('garbled', 2)), 'application/json; charset=utf-8');
  }
  finish(response);
}

/** Runs a push at most once per idempotency key and records what it did. */
function push(platform: SandboxPlatform, route: ApiRoute, req: IncomingMessage, path: string, body: unknown, run: () => ApiResponse, now: number): ApiResponse {
  const key = req.headers[IDEMPOTENCY_HEADER];
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH)
    return problem(400, 'missing_idempotency_key', `Pushes need an Idempotency-Key header of 1-${MAX_KEY_LENGTH} characters`);
  const fingerprint = `${route.method} ${path} ${canonicalJson(body ?? null)}`;
  const base = { at: now, idempotencyKey: key, method: route.method, path, body: body ?? null };
  const earlier = platform.actions.lookup(key);
  if (earlier && earlier.fingerprint !== fingerprint) {
    platform.actions.record({ ...base, effect: 'rejected', status: 422 });
    return problem(422, 'idempotency_key_reused', 'This Idempotency-Key was used for a different request');
  }
  if (earlier) {
    platform.actions.record({ ...base, effect: 'duplicate', status: earlier.response.status });
    return { status: earlier.response.status, body: earlier.response.body, headers: { 'idempotent-replayed': 'true' } };
  }
  const response = run();
  // Like Stripe: a request refused by validation had no effect, so its key stays free to reuse.
  if (response.status !== 400 && response.status !== 422)
    platform.actions.remember(key, { fingerprint, at: now, method: route.method, path, response: { status: response.status, body: response.body } });
  platform.actions.record({ ...base, effect: response.effect ?? (response.status < 300 ? 'applied' : 'rejected'), status: response.status });
  return response;
}
