import type { Connector } from '@shared/connectors';
import { decideJoin, moderation } from './actions';
import { deleteAnnouncement, editAnnouncement, reconcileSend, sendAnnouncement } from './announcements';
import { DiscourseApi } from './api';
import { listCommunityPage } from './communities';
import { DISCOURSE_DESCRIPTOR } from './descriptor';
import { pullJoinPage, pullReportPage } from './feeds';
import { rejectUnsupported } from '../http/unsupported';
import { pullMessagePage } from './messages';
import { dsSession } from './wire';

export interface DiscourseConnectorOptions {
  /** Per call, body included. */
  readonly timeoutMs?: number;
  readonly now?: () => number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * The Discourse connector for one site. `baseUrl` is the site URL, with the acting
 * user as `?username=` (default `system`); `token` is an admin API key.
 */
export function createDiscourseConnector(config: { readonly baseUrl: string; readonly token: string }, options: DiscourseConnectorOptions = {}): Connector {
  const api = new DiscourseApi(config.baseUrl, config.token, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const now = options.now ?? Date.now;

  return {
    describe: () => DISCOURSE_DESCRIPTOR,

    async verifyAuth(call) {
      const session = await api.read({ method: 'GET', path: 'session/current.json', ...(call?.signal ? { signal: call.signal } : {}) }, dsSession, { notFound: 'user' });
      const { current_user: me } = session;
      const staff = me.admin || me.moderator;
      // Suspending and silencing need a staff user; the review queue needs at least a moderator.
      return { principal: `@${me.username}`, scopesOk: staff, missing: staff ? [] : ['a moderator or admin user for Api-Username'] };
    },

    listCommunities: async (cursor, pull) => listCommunityPage(api, cursor, pull?.signal),
    pullJoinRequests: async (cursor, pull) => pullJoinPage(api, cursor, pull?.limit, pull?.signal),
    pullReports: async (cursor, pull) => pullReportPage(api, cursor, pull?.signal),
    pullMessages: async (cursor, pull) => pullMessagePage(api, cursor, pull?.signal),
    pullUpdates: () => rejectUnsupported('A combined update stream on Discourse (each feed is listed on its own)'),

    decideJoinRequest: async (decision, push) => decideJoin(api, decision, now(), push.signal),
    moderate: async (action, push) => moderation(api, action, now(), push.idempotencyKey, push.signal),
    sendAnnouncement: async (post, push) => sendAnnouncement(api, post, push.idempotencyKey, push.signal),
    editAnnouncement: async (edit, push) => editAnnouncement(api, edit, push.signal),
    deleteAnnouncement: async (target, push) => deleteAnnouncement(api, target, push.signal),

    reconcile: async (key, call) => reconcileSend(api, key, call?.signal),
  };
}
