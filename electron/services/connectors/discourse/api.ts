import { ConnectorFailure, type CancelSignal, type Outcome } from '@shared/connectors';
import type { z } from 'zod';
import { splitBaseUrl } from '../http/base-url';
import { expectBody, HttpClient, type HttpAnswer, type HttpRequest } from '../http/client';
import { readDiscourseFailure, type DiscourseContext } from './quirks';

/** Who the key acts as when the base URL does not say (`?username=` on the site URL). */
export const DEFAULT_API_USERNAME = 'system';

export interface DiscourseRequest {
  readonly method: HttpRequest['method'];
  /** Relative to the site URL, without a leading slash (sites may live in a subfolder). */
  readonly path: string;
  readonly query?: HttpRequest['query'];
  readonly body?: unknown;
  readonly signal?: CancelSignal;
  readonly redirect?: 'manual';
}

/**
 * Transport for one Discourse site: admin API key in `Api-Key`, the acting user in
 * `Api-Username`. The contract's config has only `baseUrl` and `token`, so the
 * username rides on the site URL (`https://forum.example.com?username=modbot`).
 */
export class DiscourseApi {
  private readonly http: HttpClient | null;
  /** The site URL with a trailing slash, for links; null when the base URL is unusable. */
  readonly site: string | null;
  readonly username: string;

  constructor(baseUrl: string, apiKey: string, timeoutMs: number) {
    const { base, options } = splitBaseUrl(baseUrl, '');
    this.site = base;
    this.username = options.get('username')?.trim() || DEFAULT_API_USERNAME;
    this.http = base ? new HttpClient({ baseUrl: base, headers: () => ({ 'api-key': apiKey, 'api-username': this.username }), timeoutMs }) : null;
  }

  /** A read: the answer checked against `schema`, or a ConnectorFailure. */
  async read<S extends z.ZodType>(request: DiscourseRequest, schema: S, context: Omit<DiscourseContext, 'push'>): Promise<z.output<S>> {
    const answer = await this.send(request);
    if (answer.status >= 300) this.fail(answer, { ...context, push: false });
    return expectBody(answer, schema, request.path);
  }

  /**
   * A push whose answer body does not matter (Discourse answers some with an empty
   * 200): `applied`, or the outcome/failure Discourse's error means.
   */
  push(request: DiscourseRequest, context: Omit<DiscourseContext, 'push'>): Promise<Outcome> {
    return this.pushFor(request, null, context, () => ({}));
  }

  /** A push whose answer names what was made; `made` turns it into the outcome's id and link. */
  async pushFor<S extends z.ZodType>(
    request: DiscourseRequest,
    schema: S | null,
    context: Omit<DiscourseContext, 'push'>,
    made: (result: z.output<S>) => { externalId?: string; url?: string },
  ): Promise<Outcome> {
    const answer = await this.send(request);
    if (answer.status >= 300) {
      const reading = readDiscourseFailure(answer, { ...context, push: true });
      if (reading.kind === 'outcome') return reading.outcome;
      throw new ConnectorFailure(reading.error);
    }
    return { status: 'applied', at: Date.now(), ...(schema ? made(expectBody(answer, schema, request.path)) : {}) };
  }

  /** The raw answer, for callers that read a status themselves (reconcile's 404). */
  send(request: DiscourseRequest): Promise<HttpAnswer> {
    if (!this.http) throw new ConnectorFailure({ class: 'invalid', detail: 'The Discourse site URL is not an http(s) URL' });
    return this.http.send({
      method: request.method,
      path: request.path,
      ...(request.query ? { query: request.query } : {}),
      ...(request.body !== undefined ? { body: request.body } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
      ...(request.redirect ? { redirect: request.redirect } : {}),
    });
  }

  fail(answer: HttpAnswer, context: DiscourseContext): never {
    const reading = readDiscourseFailure(answer, context);
    throw new ConnectorFailure(reading.kind === 'error' ? reading.error : { class: 'invalid', detail: `unexpected HTTP ${answer.status}` });
  }

  url(path: string): string | null {
    return this.site ? new URL(path, this.site).toString() : null;
  }
}
