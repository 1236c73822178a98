import { z } from 'zod';
import type { ConnectionListItem, ConnectionSummary, ConnectionTest } from '../domain/connection';
import { call } from './define';

const id = z.string().min(1).max(64);
const discourseUsername = z.string().trim().min(1).max(60);
const telegramChatIds = z.array(z.string().regex(/^-?\d{1,20}$/)).max(500);

export const connectionCalls = {
  /**
   * Every connection with its options (never secrets), health and, when it has credentials, its capabilities:
   * an active connection's from its connector, another's from what its platform declares for its options
   * (listing never starts anything, such as a paused embedded Sandbox).
   */
  'connections.list': call(z.object({}).strict()).returns<readonly ConnectionListItem[]>(),
  /**
   * Adds a Sandbox network connection: the embedded simulated platform, or with `url` and
   * `token` a standalone one (`npm run sandbox`) on this machine's loopback.
   */
  'connections.addSandbox': call(
    z
      .object({
        name: z.string().trim().min(1).max(120).optional(),
        seed: z.number().int().min(0).max(2 ** 31).optional(),
        url: z.string().max(200).optional(),
        token: z.string().min(1).max(400).optional(),
      })
      .strict()
      .refine((v) => (v.url === undefined) === (v.token === undefined), 'A standalone Sandbox needs both url and token'),
  ).returns<ConnectionSummary>(),
  /**
   * Connects a real platform. The credentials are checked with the platform before anything
   * is saved; the token goes to the encrypted vault, never to settings or the database.
   */
  'connections.add': call(
    z
      .object({
        kind: z.enum(['telegram', 'discourse', 'discord']),
        name: z.string().trim().min(1).max(120),
        /** The platform's API address; defaults to the public one (Telegram, Discord). Discourse: the site URL. */
        baseUrl: z.string().trim().max(500).optional(),
        token: z.string().trim().min(1).max(4096),
        /** Discourse: the user the API key acts as. */
        username: discourseUsername.optional(),
        /** Telegram: chat ids to watch from the start (the Bot API cannot list a bot's chats). */
        chatIds: telegramChatIds.optional(),
        /** Discord: use the new server join-request API. */
        joinRequests: z.boolean().optional(),
      })
      .strict(),
  ).returns<ConnectionSummary>(),
  /** Removes a connection and everything synced from it; the audit log keeps its history. */
  'connections.remove': call(z.object({ id }).strict()).returns<{ readonly removed: boolean }>(),
  /**
   * Re-authenticates a connection: a new token, checked with the platform before it
   * replaces the old one (a refused token changes nothing), or for the embedded Sandbox a
   * freshly issued one. A connection that needed reconnecting is active again.
   */
  'connections.reconnect': call(z.object({ id, token: z.string().trim().min(1).max(4096).optional() }).strict()).returns<ConnectionSummary>(),
  /** Asks the platform now who the token acts as and what it may do; a refused token also marks the connection needs-reauth, a paused one too. */
  'connections.test': call(z.object({ id }).strict()).returns<ConnectionTest>(),
  /**
   * Nothing is pulled from or pushed to a paused connection, not even a push a send already under way had
   * picked up; decisions wait in the outbox until it resumes. Only an active connection pauses (a paused one
   * is returned as it is); one that needs reconnecting is refused, as pausing it would hide why and let
   * Resume skip the new token.
   */
  'connections.pause': call(z.object({ id }).strict()).returns<ConnectionSummary>(),
  /** Paused to active only; one that needs reconnecting is refused (Reconnect takes the new token). */
  'connections.resume': call(z.object({ id }).strict()).returns<ConnectionSummary>(),
  /**
   * Renames a connection or edits its platform's options: Discourse `username` (checked
   * with the site first), Telegram `chatIds` watched, Discord `joinRequests`.
   */
  'connections.update': call(
    z
      .object({
        id,
        name: z.string().trim().min(1).max(120).optional(),
        options: z
          .object({ username: discourseUsername.optional(), chatIds: telegramChatIds.optional(), joinRequests: z.boolean().optional() })
          .strict()
          .optional(),
      })
      .strict(),
  ).returns<ConnectionSummary>(),
  'outbox.retry': call(z.object({ id }).strict()).returns<{ readonly changed: boolean }>(),
  'outbox.discard': call(z.object({ id }).strict()).returns<{ readonly changed: boolean }>(),
} as const;
