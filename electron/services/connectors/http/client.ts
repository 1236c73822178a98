import { ConnectorFailure, type CancelSignal } from '@shared/connectors';
import { z } from 'zod';
import { callSignal } from './signals';

export interface HttpClientOptions {
  readonly baseUrl: string;
  /** Sent with every request (authorization, user agent). */
  readonly headers: () => Readonly<Record<string, string>>;
  /** Per call, including reading the body. */
  readonly timeoutMs: number;
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path with its segments already encoded. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | null | undefined>>;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: CancelSignal;
  /** `manual` hands a 3xx back as the answer (its Location header readable) instead of failing the call. */
  readonly redirect?: 'error' | 'manual';
}

/** Any answer the platform gave, body parsed as JSON when it was JSON. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  /** False when the body was not JSON (an HTML error page, a truncated stream...). */
  readonly json: boolean;
}

/** Transport for connectors over HTTP: timeouts, cancel, and network failures become `transient`. */
export class HttpClient {
  constructor(private readonly options: HttpClientOptions) {}

  async send(request: HttpRequest): Promise<HttpAnswer> {
    const url = new URL(request.path, this.options.baseUrl);
    for (const [name, value] of Object.entries(request.query ?? {})) if (value !== null && value !== undefined) url.searchParams.set(name, String(value));
    const call = callSignal(request.signal, this.options.timeoutMs);
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers(), ...request.headers };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await fetch(url, {
        method: request.method,
        headers,
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
        signal: call.signal,
        redirect: request.redirect ?? 'error',
      });
      // Reading the body is part of the call: a stream cut mid-way is the same failure.
      const text = await response.text();
      return { status: response.status, headers: response.headers, ...readJson(text) };
    } catch (error) {
      if (call.callerSignal?.aborted) throw call.callerSignal.reason;
      const detail = call.timedOut() ? `no answer within ${this.options.timeoutMs} ms` : `network: ${networkReason(error)}`;
      throw new ConnectorFailure({ class: 'transient', detail }, { cause: error });
    }
  }
}

function readJson(text: string): { body: unknown; json: boolean } {
  try {
    return { body: JSON.parse(text), json: true };
  } catch {
    return { body: text, json: false };
  }
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/**
 * A 2xx body checked against its schema. Not JSON (truncated, an HTML page) is
 * `transient`: a retry may well get a whole answer. JSON of the wrong shape is
 * `invalid`: the platform changed or is broken, and the same call will not fix it.
 */
export function expectBody<S extends z.ZodType>(answer: HttpAnswer, schema: S, what: string): z.output<S> {
  // A 2xx the platform sent is a call it took: the engine must not treat it as refused or unsent.
  const taken = answer.status >= 200 && answer.status < 300 ? { unreadableSuccess: true as const } : {};
  if (!answer.json) throw new ConnectorFailure({ class: 'transient', detail: `${what}: the answer was not complete JSON`, ...taken });
  const parsed = safeParseAnswer(schema, answer.body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unexpected shape';
  throw new ConnectorFailure({ class: 'invalid', detail: `${what}: unexpected answer at ${where}`, ...taken });
}

/**
 * `schema.safeParse(body)` for what a platform sent. zod 4 throws RangeError (stack
 * overflow) when a huge array has ~100,000 failing items; such an answer is simply
 * of the wrong shape, not a crash of the connector.
 */
export function safeParseAnswer<S extends z.ZodType>(schema: S, body: unknown): z.ZodSafeParseResult<z.output<S>> {
  try {
    return schema.safeParse(body);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const issue = { code: 'custom' as const, path: [], message: 'too large or too deeply nested to check', input: undefined };
    return { success: false, error: new z.ZodError([issue]) } as z.ZodSafeParseResult<z.output<S>>;
  }
}
