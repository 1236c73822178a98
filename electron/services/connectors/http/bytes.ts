import { ConnectorFailure, type CancelSignal, type MediaBytes } from '@shared/connectors';
import { parseRetryAfter } from './retry-after';
import { callSignal } from './signals';

export interface BytesRequest {
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: CancelSignal;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /** `error` when the URL carries a credential (a redirect would hand it to another host's logs). */
  readonly redirect: 'error' | 'follow';
}

/**
 * Downloads a media file, refusing past `maxBytes` (by Content-Length first, then while
 * streaming, so an over-size file is never held whole). Every failure is a ConnectorFailure
 * whose detail never quotes the URL: a Telegram file URL contains the bot token.
 * 404 and 410 are `not-found` (media); 401 is `auth`; 429 is `rate-limited`; 5xx and
 * network failures are `transient`; other refusals are `invalid`.
 */
export async function fetchBytes(request: BytesRequest): Promise<MediaBytes> {
  const call = callSignal(request.signal, request.timeoutMs);
  let response: Response;
  try {
    response = await fetch(request.url, { headers: { ...request.headers }, signal: call.signal, redirect: request.redirect });
  } catch {
    if (call.callerSignal?.aborted) throw call.callerSignal.reason;
    // Not `{ cause: error }`: fetch's own errors quote the URL.
    throw new ConnectorFailure({ class: 'transient', detail: call.timedOut() ? `no file within ${request.timeoutMs} ms` : 'network failure fetching a file' });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw statusFailure(response);
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > request.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(request.maxBytes);
  }
  return { bytes: await readCapped(response, request, call), contentType: response.headers.get('content-type') };
}

async function readCapped(response: Response, request: BytesRequest, call: ReturnType<typeof callSignal>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.byteLength;
      if (size > request.maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw tooLarge(request.maxBytes);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof ConnectorFailure) throw error;
    if (call.callerSignal?.aborted) throw call.callerSignal.reason;
    throw new ConnectorFailure({ class: 'transient', detail: call.timedOut() ? `no whole file within ${request.timeoutMs} ms` : 'the file arrived cut short' });
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

const tooLarge = (maxBytes: number) => new ConnectorFailure({ class: 'invalid', detail: `the file is over ${maxBytes} bytes`, reason: 'too-large' });

function statusFailure(response: Response): ConnectorFailure {
  const { status } = response;
  if (status === 404 || status === 410) return new ConnectorFailure({ class: 'not-found', what: 'media' });
  if (status === 401) return new ConnectorFailure({ class: 'auth', reason: 'invalid-token' });
  if (status === 429) return new ConnectorFailure({ class: 'rate-limited', retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) ?? 5_000, scope: 'account' });
  if (status >= 500) return new ConnectorFailure({ class: 'transient', detail: `the file host answered HTTP ${status}` });
  return new ConnectorFailure({ class: 'invalid', detail: `the file host refused it (HTTP ${status})` });
}
