import { ConnectorFailure, type CancelSignal, type Outcome } from '@shared/connectors';
import type { z } from 'zod';
import { splitBaseUrl } from '../http/base-url';
import { expectBody, HttpClient, type HttpAnswer, type HttpRequest } from '../http/client';
import { pause } from '../http/pause';
import { cdnFor } from './attachments';
import { DiscordBuckets } from './buckets';
import { readDiscordFailure, type DiscordContext } from './quirks';

export const DISCORD_API = 'https://discord.com/api/v10';
/** Discord asks bots to identify as `DiscordBot ($url, $version)`. */
const USER_AGENT = 'DiscordBot (https://github.com/modboard/modboard, 0.1.0)';
/**
 * A closed bucket this near to opening is waited out inline; a longer wait is handed
 * to the sync engine as `rate-limited` (nothing sent), which holds the scope and
 * moves on to other work.
 */
export const MAX_INLINE_WAIT_MS = 5_000;

export interface DiscordRequest {
  readonly method: HttpRequest['method'];
  /** Relative to the API base (`guilds/1/bans/2`), so the `/api/v10` prefix stays. */
  readonly path: string;
  readonly query?: HttpRequest['query'];
  readonly body?: unknown;
  /** Shown in the server's audit log (`X-Audit-Log-Reason`, at most 512 characters). */
  readonly reason?: string | null;
  readonly signal?: CancelSignal;
}

/**
 * Transport for one bot: `Authorization: Bot <token>`. The contract's config has only
 * `baseUrl` and `token`, so options ride on the base URL: `?joinRequests=1` turns on
 * the member-application API (see descriptor.ts).
 */
export class DiscordApi {
  private readonly http: HttpClient | null;
  readonly joinRequests: boolean;
  /** Where attachments and stickers are fetched from (attachments.ts). */
  readonly cdn: string;
  /** Lives as long as this connector: the app keeps one per connection (connection-service). */
  private readonly buckets: DiscordBuckets;

  constructor(baseUrl: string, token: string, timeoutMs: number, clock: () => number = Date.now) {
    this.buckets = new DiscordBuckets(clock);
    const { base, options } = splitBaseUrl(baseUrl, DISCORD_API);
    this.joinRequests = ['1', 'true', 'on'].includes(options.get('joinRequests')?.toLowerCase() ?? '');
    this.cdn = cdnFor(base);
    this.http = base ? new HttpClient({ baseUrl: base, headers: () => ({ authorization: `Bot ${token}`, 'user-agent': USER_AGENT }), timeoutMs }) : null;
  }

  async read<S extends z.ZodType>(request: DiscordRequest, schema: S, context: DiscordContext): Promise<z.output<S>> {
    const answer = await this.send(request);
    if (answer.status >= 300) this.fail(answer, context);
    return expectBody(answer, schema, request.path.replace(/\d{5,}/g, '{id}'));
  }

  /** A push answered with 204 or a body that does not matter. */
  push(request: DiscordRequest, context: DiscordContext): Promise<Outcome> {
    return this.pushFor(request, null, context, () => ({}));
  }

  async pushFor<S extends z.ZodType>(request: DiscordRequest, schema: S | null, context: DiscordContext, made: (result: z.output<S>) => { externalId?: string; url?: string }): Promise<Outcome> {
    const answer = await this.send(request);
    if (answer.status >= 300) {
      const reading = readDiscordFailure(answer, context);
      if (reading.kind === 'outcome') return reading.outcome;
      throw new ConnectorFailure(reading.error);
    }
    return { status: 'applied', at: Date.now(), ...(schema ? made(expectBody(answer, schema, request.path.replace(/\d{5,}/g, '{id}'))) : {}) };
  }

  /** The raw answer, for callers that read a status themselves. Waits for the route's bucket first. */
  async send(request: DiscordRequest): Promise<HttpAnswer> {
    if (!this.http) throw new ConnectorFailure({ class: 'invalid', detail: 'The Discord API base URL is not an http(s) URL' });
    const wait = this.buckets.waitFor(request.method, request.path);
    if (wait.ms > MAX_INLINE_WAIT_MS) throw new ConnectorFailure({ class: 'rate-limited', retryAfterMs: wait.ms, scope: wait.scope, ...(wait.bucket ? { bucket: wait.bucket } : {}) });
    if (wait.ms > 0) await pause(wait.ms, request.signal);
    const reason = request.reason?.trim();
    const answer = await this.http.send({
      method: request.method,
      path: request.path,
      ...(request.query ? { query: request.query } : {}),
      ...(request.body !== undefined ? { body: request.body } : {}),
      ...(reason ? { headers: { 'x-audit-log-reason': encodeURIComponent(reason.slice(0, 512)) } } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    this.buckets.observe(request.method, request.path, answer);
    return answer;
  }

  fail(answer: HttpAnswer, context: DiscordContext): never {
    const reading = readDiscordFailure(answer, context);
    throw new ConnectorFailure(reading.kind === 'error' ? reading.error : { class: 'invalid', detail: `unexpected HTTP ${answer.status}` });
  }
}
