import type { Connector } from '@shared/connectors';
import { deleteAnnouncement, editAnnouncement, sendAnnouncement } from './announcements';
import { decideJoin, moderation } from './actions';
import { TelegramApi } from './api';
import { listCommunityPage } from './communities';
import { TELEGRAM_DESCRIPTOR } from './descriptor';
import { fetchTelegramMedia } from './media';
import { peekJoinRequests, peekMessages, peekReports, pullUpdatePage } from './feeds';
import { tgUser } from './wire';

export interface TelegramConnectorOptions {
  /** Per call, body included. */
  readonly timeoutMs?: number;
  /** getUpdates long-poll for the combined update feed; short, so a pull returns promptly. */
  readonly longPollSeconds?: number;
  readonly now?: () => number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_LONG_POLL_SECONDS = 1;

/**
 * The Telegram Bot API connector. `baseUrl` is the API server (empty for
 * api.telegram.org; a local Bot API server or a test fake otherwise), optionally
 * with `?chats=<id>,<id>` for chats to list before the bot hears of them; `token`
 * is the bot token from @BotFather.
 */
export function createTelegramConnector(config: { readonly baseUrl: string; readonly token: string }, options: TelegramConnectorOptions = {}): Connector {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const api = new TelegramApi(config.baseUrl, config.token, { timeoutMs });
  const now = options.now ?? Date.now;
  const longPollSeconds = options.longPollSeconds ?? DEFAULT_LONG_POLL_SECONDS;

  return {
    describe: () => TELEGRAM_DESCRIPTOR,

    async verifyAuth(callOptions) {
      const me = await api.call({ method: 'getMe', params: {}, context: { notFound: 'user' }, ...(callOptions?.signal ? { signal: callOptions.signal } : {}) }, tgUser);
      // Rights are per chat (admin with can_invite_users, can_delete_messages, can_restrict_members); the token itself has no scopes.
      return { principal: me.username ? `@${me.username}` : me.first_name, scopesOk: true, missing: [] };
    },

    listCommunities: async (cursor, pull) => listCommunityPage(api, cursor, pull ?? {}),
    // One consumer for the one update queue; the feeds alone only peek (see updates.ts).
    pullUpdates: async (cursor, pull) => pullUpdatePage(api, cursor, { ...pull, now: now(), longPollSeconds }),
    pullJoinRequests: async (cursor, pull) => peekJoinRequests(api, cursor, { ...pull, now: now(), longPollSeconds }),
    pullReports: async (cursor, pull) => peekReports(api, cursor, { ...pull, now: now(), longPollSeconds }),
    pullMessages: async (cursor, pull) => peekMessages(api, cursor, { ...pull, now: now(), longPollSeconds }),

    decideJoinRequest: async (decision, push) => decideJoin(api, decision, push.signal),
    moderate: async (action, push) => moderation(api, action, now(), push.signal),
    sendAnnouncement: async (post, push) => sendAnnouncement(api, post, push.signal),
    editAnnouncement: async (edit, push) => editAnnouncement(api, edit, push.signal),
    deleteAnnouncement: async (target, push) => deleteAnnouncement(api, target, push.signal),

    fetchMedia: (fileId, fetch) => fetchTelegramMedia(api, fileId, timeoutMs, fetch),

    // The Bot API has no idempotency key and no way to look a push up: the engine must read state instead.
    reconcile: async () => ({ state: 'unknown' }),
  };
}
