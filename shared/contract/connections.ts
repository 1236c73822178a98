import { z } from 'zod';
import type { ConnectionSummary } from '../domain/connection';
import { call } from './define';

const id = z.string().min(1).max(64);

export const connectionCalls = {
  'connections.list': call(z.object({}).strict()).returns<readonly ConnectionSummary[]>(),
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
        username: z.string().trim().min(1).max(60).optional(),
        /** Telegram: chat ids to watch from the start (the Bot API cannot list a bot's chats). */
        chatIds: z.array(z.string().regex(/^-?\d{1,20}$/)).max(500).optional(),
        /** Discord: use the new server join-request API. */
        joinRequests: z.boolean().optional(),
      })
      .strict(),
  ).returns<ConnectionSummary>(),
  /** Removes a connection and everything synced from it; the audit log keeps its history. */
  'connections.remove': call(z.object({ id }).strict()).returns<{ readonly removed: boolean }>(),
  /** Re-authenticates a paused connection (a new token, or for the Sandbox a freshly issued one) and resumes it. */
  'connections.reconnect': call(z.object({ id, token: z.string().min(1).max(4096).optional() }).strict()).returns<ConnectionSummary>(),
  'outbox.retry': call(z.object({ id }).strict()).returns<{ readonly changed: boolean }>(),
  'outbox.discard': call(z.object({ id }).strict()).returns<{ readonly changed: boolean }>(),
} as const;
