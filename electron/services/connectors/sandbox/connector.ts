import {
  ConnectorFailure,
  type CallOptions,
  type Connector,
  type Cursor,
  type ModAction,
  type NotFoundWhat,
  type Outcome,
  type Page,
  type PushOptions,
} from '@shared/connectors';
import { assertNever } from '@shared/assert-never';
import {
  MAX_BULK_REMOVE,
  SANDBOX_SCOPES,
  wireAction,
  wireCommunity,
  wireJoinRequest,
  wireMe,
  wireMessage,
  wirePage,
  wirePushResult,
  wireReport,
  type WirePushResult,
} from '@services/sandbox/http/wire';
import type { z } from 'zod';
import { fetchBytes } from '../http/bytes';
import { expectBody, HttpClient, type HttpAnswer, type HttpRequest } from '../http/client';
import { DEFAULT_PAGE, PAGE_LIMITS, SANDBOX_DESCRIPTOR } from './descriptor';
import { readSandboxFailure } from './quirks';
import { rejectUnsupported } from '../http/unsupported';
import { communityOf, joinRequestOf, messageOf, reportOf } from './to-items';

export interface SandboxConnectorConfig {
  readonly baseUrl: string;
  readonly token: string;
}

export interface SandboxConnectorOptions {
  /** Per call, body included. */
  readonly timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

const segment = encodeURIComponent;
const communityPath = (id: string) => `/v1/communities/${segment(id)}`;
const memberPath = (action: { communityExternalId: string; personExternalId: string }, verb: string) =>
  `${communityPath(action.communityExternalId)}/members/${segment(action.personExternalId)}/${verb}`;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Sandbox versions are positive integers carried as strings by the contract. */
function wireVersion(version: string | null): number | null {
  if (version === null) return null;
  const n = Number(version);
  if (!Number.isSafeInteger(n) || n < 1) throw new ConnectorFailure({ class: 'invalid', detail: `"${version}" is not a Sandbox version` });
  return n;
}

function outcomeOf(result: WirePushResult): Outcome {
  if (result.result === 'partial') {
    return {
      status: 'partial',
      succeeded: result.removed ?? [],
      failed: (result.failed ?? []).map(({ id }) => ({ id, error: { class: 'not-found', what: 'message' } as const })),
    };
  }
  return { status: 'applied', at: Date.parse(result.at), ...(result.id ? { externalId: result.id } : {}), ...(result.url ? { url: result.url } : {}) };
}

/** The Connector for the Sandbox network, over its HTTP API like any real platform. */
export function createSandboxConnector(config: SandboxConnectorConfig, options: SandboxConnectorOptions = {}): Connector {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const http = new HttpClient({
    baseUrl: config.baseUrl,
    headers: () => ({ authorization: `Bearer ${config.token}` }),
    timeoutMs,
  });

  const fail = (answer: HttpAnswer, notFound: NotFoundWhat): never => {
    const reading = readSandboxFailure(answer, notFound);
    throw new ConnectorFailure(reading.kind === 'error' ? reading.error : { class: 'invalid', detail: `unexpected HTTP ${answer.status}` });
  };

  async function read<S extends z.ZodType>(request: HttpRequest, schema: S, notFound: NotFoundWhat, what: string): Promise<z.output<S>> {
    const answer = await http.send(request);
    if (answer.status >= 300) fail(answer, notFound);
    return expectBody(answer, schema, what);
  }

  async function pull<S extends z.ZodType, T>(
    path: string,
    cursor: Cursor | null,
    limit: number,
    item: S,
    toItem: (wire: z.output<S>) => T,
    signal: CallOptions['signal'],
  ): Promise<Page<T>> {
    // A 404 here means the route is gone, not an item: report it as the account's communities.
    const page = await read({ method: 'GET', path, query: { cursor, limit }, ...(signal ? { signal } : {}) }, wirePage(item), 'community', path);
    return { items: page.items.map(toItem), next: page.next, complete: page.complete, expectedTotal: page.total };
  }

  async function push(request: Omit<HttpRequest, 'headers' | 'signal'>, options: PushOptions, notFound: NotFoundWhat): Promise<Outcome> {
    const answer = await http.send({ ...request, headers: { 'idempotency-key': options.idempotencyKey }, ...(options.signal ? { signal: options.signal } : {}) });
    if (answer.status >= 300) {
      const reading = readSandboxFailure(answer, notFound);
      if (reading.kind === 'outcome') return reading.outcome;
      throw new ConnectorFailure(reading.error);
    }
    return outcomeOf(expectBody(answer, wirePushResult, request.path));
  }

  const pageSize = (limit: number | undefined, fallback: number, max: number) => Math.max(1, Math.min(max, Math.floor(limit ?? fallback)));

  function moderationRequest(action: ModAction): { request: Omit<HttpRequest, 'headers' | 'signal'>; notFound: NotFoundWhat } {
    switch (action.type) {
      case 'removeMessage':
        return { request: { method: 'POST', path: `${communityPath(action.communityExternalId)}/messages/${segment(action.messageExternalId)}/remove`, body: { reason: action.reason } }, notFound: 'message' };
      case 'removeMessages':
        if (action.messageExternalIds.length > MAX_BULK_REMOVE)
          throw new ConnectorFailure({ class: 'invalid', detail: `at most ${MAX_BULK_REMOVE} messages per bulk removal` });
        return { request: { method: 'POST', path: `${communityPath(action.communityExternalId)}/messages/bulk-remove`, body: { message_ids: action.messageExternalIds, reason: action.reason } }, notFound: 'community' };
      case 'kick':
        return { request: { method: 'POST', path: `${communityPath(action.communityExternalId)}/members/${segment(action.personExternalId)}/kick`, body: { reason: action.reason } }, notFound: 'user' };
      case 'ban':
        return {
          request: {
            method: 'POST',
            path: `${communityPath(action.communityExternalId)}/members/${segment(action.personExternalId)}/ban`,
            body: { until: iso(action.until), delete_history_seconds: action.deleteHistorySeconds, reason: action.reason },
          },
          notFound: 'user',
        };
      case 'mute':
        return { request: { method: 'POST', path: `${communityPath(action.communityExternalId)}/members/${segment(action.personExternalId)}/mute`, body: { until: iso(action.until), reason: action.reason } }, notFound: 'user' };
      case 'warn':
        return {
          request: { method: 'POST', path: memberPath(action, 'warn'), body: { text: action.text, message_id: action.messageExternalId } },
          // The person, or the message the warning names, may be gone; `what` in the answer says which.
          notFound: 'user',
        };
      case 'unban':
      case 'unmute':
        return { request: { method: 'POST', path: memberPath(action, action.type), body: {} }, notFound: 'user' };
      case 'resolveReport':
        return { request: { method: 'POST', path: `/v1/reports/${segment(action.reportExternalId)}/resolve`, body: { resolution: action.resolution, version: wireVersion(action.version) } }, notFound: 'report' };
      default:
        return assertNever(action, 'moderation action');
    }
  }

  return {
    describe: () => SANDBOX_DESCRIPTOR,

    async verifyAuth(options) {
      const me = await read({ method: 'GET', path: '/v1/me', ...(options?.signal ? { signal: options.signal } : {}) }, wireMe, 'user', 'me');
      const missing = SANDBOX_SCOPES.filter((scope) => !me.scopes.includes(scope));
      return { principal: me.principal, scopesOk: missing.length === 0, missing };
    },

    listCommunities: async (cursor, options) =>
      pull('/v1/communities', cursor, pageSize(options?.limit, DEFAULT_PAGE.communities, PAGE_LIMITS.communities), wireCommunity, communityOf, options?.signal),
    pullJoinRequests: async (cursor, options) =>
      pull('/v1/join-requests', cursor, pageSize(options?.limit, DEFAULT_PAGE.joinRequests, PAGE_LIMITS.joinRequests), wireJoinRequest, joinRequestOf, options?.signal),
    pullReports: async (cursor, options) =>
      pull('/v1/reports', cursor, pageSize(options?.limit, DEFAULT_PAGE.reports, PAGE_LIMITS.reports), wireReport, reportOf, options?.signal),
    pullMessages: async (cursor, options) =>
      pull('/v1/messages', cursor, pageSize(options?.limit, DEFAULT_PAGE.messages, PAGE_LIMITS.messages), wireMessage, messageOf, options?.signal),
    // Every Sandbox feed is listed on its own: there is no combined update stream to consume.
    pullUpdates: () => rejectUnsupported('A combined update stream on the Sandbox'),

    decideJoinRequest: async (d, options) =>
      push(
        { method: 'POST', path: `/v1/join-requests/${segment(d.requestExternalId)}/decision`, body: { decision: d.decision, reason: d.reason, ban: d.ban, version: wireVersion(d.version) } },
        options,
        'request',
      ),

    async moderate(action, options) {
      const { request, notFound } = moderationRequest(action);
      return push(request, options, notFound);
    },

    sendAnnouncement: async (post, options) =>
      push({ method: 'POST', path: `${communityPath(post.communityExternalId)}/announcements`, body: { text: post.text } }, options, 'community'),
    editAnnouncement: async (edit, options) =>
      push({ method: 'PATCH', path: `${communityPath(edit.communityExternalId)}/announcements/${segment(edit.messageExternalId)}`, body: { text: edit.text } }, options, 'message'),
    deleteAnnouncement: async (target, options) =>
      push({ method: 'DELETE', path: `${communityPath(target.communityExternalId)}/announcements/${segment(target.messageExternalId)}` }, options, 'message'),

    fetchMedia: (ref, options) =>
      fetchBytes({
        url: new URL(`/v1/media/${segment(ref)}`, config.baseUrl).href,
        headers: { authorization: `Bearer ${config.token}` },
        timeoutMs,
        maxBytes: options.maxBytes,
        redirect: 'error',
        ...(options.signal ? { signal: options.signal } : {}),
      }),

    async reconcile(idempotencyKey, options) {
      const answer = await http.send({ method: 'GET', path: `/v1/actions/${segment(idempotencyKey)}`, ...(options?.signal ? { signal: options.signal } : {}) });
      if (answer.status === 404) {
        const reading = readSandboxFailure(answer, 'action');
        if (reading.kind === 'error' && reading.error.class === 'not-found' && reading.error.what === 'action') return { state: 'not-applied' };
      }
      if (answer.status >= 300) fail(answer, 'action');
      const action = expectBody(answer, wireAction, 'action');
      if (action.status < 300) return { state: 'applied', outcome: outcomeOf(expectBody({ ...answer, body: action.response }, wirePushResult, 'action response')) };
      const reading = readSandboxFailure({ status: action.status, headers: new Headers(), body: action.response }, 'request');
      // Refused without effect (not found, stale version...): sending again is safe and gets the same answer.
      return reading.kind === 'outcome' ? { state: 'applied', outcome: reading.outcome } : { state: 'not-applied' };
    },
  };
}
