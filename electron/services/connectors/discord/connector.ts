import type { Connector } from '@shared/connectors';
import { rejectUnsupported } from '../http/unsupported';
import { moderation } from './actions';
import { deleteAnnouncement, editAnnouncement, sendAnnouncement } from './announcements';
import { DiscordApi } from './api';
import { fetchDiscordMedia } from './attachments';
import { bulkBan, type BulkBan } from './bulk-ban';
import { listCommunityPage } from './communities';
import { discordDescriptor } from './descriptor';
import { botIdFromToken, hasPermission, type PermissionName } from './ids';
import { decideJoinRequest, pullJoinRequestPage } from './join-requests';
import { pullMessagePage } from './messages';
import { pullReportPage } from './reports';
import { dcGuilds, dcUser } from './wire';

export interface DiscordConnectorOptions {
  /** Per call, body included. */
  readonly timeoutMs?: number;
  readonly now?: () => number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/** What the bot needs in each server for everything Modboard offers. */
const NEEDED: readonly PermissionName[] = ['VIEW_AUDIT_LOG', 'MANAGE_MESSAGES', 'KICK_MEMBERS', 'BAN_MEMBERS', 'MODERATE_MEMBERS'];

/** A Discord connector plus what the contract cannot call yet (bulk ban, see README). */
export interface DiscordConnector extends Connector {
  bulkBan(request: BulkBan, options?: { signal?: AbortSignal }): ReturnType<typeof bulkBan>;
}

/**
 * The Discord bot connector. `baseUrl` is the API base (empty for
 * https://discord.com/api/v10), with `?joinRequests=1` to turn on member applications;
 * `token` is the bot token.
 */
export function createDiscordConnector(config: { readonly baseUrl: string; readonly token: string }, options: DiscordConnectorOptions = {}): DiscordConnector {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const api = new DiscordApi(config.baseUrl, config.token, timeoutMs);
  const now = options.now ?? Date.now;
  const descriptor = discordDescriptor({ joinRequests: api.joinRequests });
  const botId = botIdFromToken(config.token);

  return {
    describe: () => descriptor,

    async verifyAuth(call) {
      const on = call?.signal ? { signal: call.signal } : {};
      const me = await api.read({ method: 'GET', path: 'users/@me', ...on }, dcUser, { notFound: 'user' });
      const guilds = await api.read({ method: 'GET', path: 'users/@me/guilds', query: { limit: 200 }, ...on }, dcGuilds, { notFound: 'community' });
      const missing = guilds.flatMap((g) => NEEDED.filter((p) => !hasPermission(g.permissions, p)).map((p) => `${p} in ${g.name}`));
      return { principal: me.username, scopesOk: missing.length === 0, missing };
    },

    listCommunities: async (cursor, pull) => listCommunityPage(api, cursor, pull?.signal),
    pullJoinRequests: async (cursor, pull) => (api.joinRequests ? pullJoinRequestPage(api, cursor, now(), pull?.signal) : rejectUnsupported('Discord member applications (turn on with ?joinRequests=1)')),
    pullReports: async (cursor, pull) => pullReportPage(api, cursor, now(), pull?.signal),
    pullMessages: async (cursor, pull) => pullMessagePage(api, cursor, now(), botId, pull?.signal),
    pullUpdates: () => rejectUnsupported('A combined update stream on Discord (each feed is read on its own)'),

    decideJoinRequest: async (decision, push) => (api.joinRequests ? decideJoinRequest(api, decision, botId, push.signal) : rejectUnsupported('Discord member applications (turn on with ?joinRequests=1)')),
    moderate: async (action, push) => moderation(api, action, now(), push.idempotencyKey, push.signal),
    sendAnnouncement: async (post, push) => sendAnnouncement(api, post, push.idempotencyKey, push.signal),
    editAnnouncement: async (edit, push) => editAnnouncement(api, edit, push.signal),
    deleteAnnouncement: async (target, push) => deleteAnnouncement(api, target, push.signal),

    fetchMedia: (ref, fetch) => fetchDiscordMedia(ref, api.cdn, timeoutMs, fetch),

    // Discord cannot be asked whether a nonce was used (messages read back carry none):
    // the nonce window makes a prompt re-send safe, but after a crash only state tells.
    reconcile: async () => ({ state: 'unknown' }),

    bulkBan: async (request, call) => bulkBan(api, request, call?.signal),
  };
}
