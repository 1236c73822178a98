import { ConnectorFailure, type CancelSignal, type Outcome } from '@shared/connectors';
import type { z } from 'zod';
import { splitBaseUrl } from '../http/base-url';
import { expectBody, HttpClient, type HttpAnswer } from '../http/client';
import { readTelegramFailure, type FailureContext } from './quirks';
import { tgOk, tgTrue } from './wire';

/** `{ok: true, result}`: the envelope first, then the result against its own schema. */
function resultOf<S extends z.ZodType>(answer: HttpAnswer, schema: S, method: string): z.output<S> {
  const envelope = expectBody(answer, tgOk, method);
  return expectBody({ ...answer, body: envelope.result }, schema, `${method} result`);
}

export const TELEGRAM_API = 'https://api.telegram.org';

export interface TelegramApiOptions {
  readonly timeoutMs: number;
}

export interface TelegramCall {
  readonly method: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly context: FailureContext;
  readonly signal?: CancelSignal;
}

/**
 * Bot API transport: `POST {base}bot<token>/<method>` with a JSON body. The token
 * sits in the path, so it never goes into an error detail: details name the
 * method only, and failures are read from Telegram's error body.
 */
export class TelegramApi {
  private readonly http: HttpClient | null;
  private readonly base: string | null;
  /** Chat ids the user added by hand (`?chats=-100…,-100…` on the base URL). */
  readonly seedChatIds: readonly number[];

  constructor(
    baseUrl: string,
    private readonly token: string,
    options: TelegramApiOptions,
  ) {
    const { base, options: query } = splitBaseUrl(baseUrl, TELEGRAM_API);
    this.base = base;
    this.http = base ? new HttpClient({ baseUrl: base, headers: () => ({}), timeoutMs: options.timeoutMs }) : null;
    this.seedChatIds = (query.get('chats') ?? '')
      .split(',')
      .map((id) => Number(id.trim()))
      .filter((id) => Number.isSafeInteger(id) && id !== 0);
  }

  /** The result of a call, checked against `schema`; any failure thrown as a ConnectorFailure. */
  async call<S extends z.ZodType>(call: TelegramCall, schema: S): Promise<z.output<S>> {
    const answer = await this.send(call);
    if (answer.status >= 300) {
      const reading = readTelegramFailure(answer, call.context);
      // A final state where a result was expected (a read): not a success to return.
      throw new ConnectorFailure(reading.kind === 'error' ? reading.error : { class: 'invalid', detail: `${call.method}: ${reading.outcome.status}` });
    }
    return resultOf(answer, schema, call.method);
  }

  /**
   * A push whose answer is `true`: `applied`, or `already-handled` when Telegram says
   * the target is already in its final state.
   */
  push(call: TelegramCall): Promise<Outcome> {
    return this.pushFor(call, tgTrue, () => ({}));
  }

  /** A push whose answer carries what was made (a sent message); `made` names it in the outcome. */
  async pushFor<S extends z.ZodType>(call: TelegramCall, schema: S, made: (result: z.output<S>) => { externalId?: string; url?: string }): Promise<Outcome> {
    const answer = await this.send(call);
    if (answer.status >= 300) {
      const reading = readTelegramFailure(answer, call.context);
      if (reading.kind === 'outcome') return reading.outcome;
      throw new ConnectorFailure(reading.error);
    }
    return { status: 'applied', at: Date.now(), ...made(resultOf(answer, schema, call.method)) };
  }

  /**
   * Where a file from getFile downloads: `{base}file/bot<token>/<file_path>`. It holds the
   * token: pass it to fetch and nowhere else (never a log line, an error or a row).
   */
  fileUrl(filePath: string): string | null {
    if (!this.base) return null;
    const path = filePath.split('/').map(encodeURIComponent).join('/');
    return new URL(`./file/bot${this.token}/${path}`, this.base).href;
  }

  private async send(call: TelegramCall): Promise<HttpAnswer> {
    if (!this.http) throw new ConnectorFailure({ class: 'invalid', detail: 'The Telegram base URL is not an http(s) URL' });
    return this.http.send({
      method: 'POST',
      // "./": the token has a colon, and "bot123:abc/…" alone would read as a URL scheme.
      path: `./bot${this.token}/${call.method}`,
      body: call.params,
      ...(call.signal ? { signal: call.signal } : {}),
    });
  }
}
