import { isCallName, type CallName, type EventName } from '@shared/contract';
import type { AppError, Result } from '@shared/result';

/**
 * The WebSocket wire format (text frames, JSON):
 *   client → server  { id, name, payload }
 *   server → client  { id, result }          result is exactly what Services.dispatch returned
 *   server → client  { event, payload }      pushed to every open socket
 * A frame too broken to answer by id gets `{ id: null, result: { ok: false, … } }`.
 */
export type FrameId = string | number;

export interface CallFrame {
  readonly id: FrameId;
  readonly name: CallName;
  readonly payload: unknown;
}

export type ParsedFrame =
  | { readonly ok: true; readonly frame: CallFrame }
  | { readonly ok: false; readonly id: FrameId | null; readonly error: AppError };

const MAX_ID_LENGTH = 128;

const isFrameId = (id: unknown): id is FrameId =>
  (typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH) ||
  (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0);

const refuse = (id: FrameId | null, code: AppError['code'], message: string): ParsedFrame => ({
  ok: false,
  id,
  error: { code, message },
});

/** Never throws: every malformed frame becomes a typed refusal, answered by id when the id is usable. */
export function parseCallFrame(text: string): ParsedFrame {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse(null, 'invalid-input', 'Frame is not valid JSON.');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return refuse(null, 'invalid-input', 'Frame must be a JSON object { id, name, payload }.');
  const { id, name, payload } = data as Record<string, unknown>;
  if (!isFrameId(id)) return refuse(null, 'invalid-input', 'Frame id must be a non-negative integer or a short string.');
  if (typeof name !== 'string') return refuse(id, 'invalid-input', 'Frame name must be a string.');
  // Unknown names never reach the services: fail closed at the edge.
  if (!isCallName(name)) return refuse(id, 'unknown-method', `Unknown call: ${name.slice(0, 100)}`);
  return { ok: true, frame: { id, name, payload } };
}

export const replyFrame = (id: FrameId | null, result: Result<unknown>): string => JSON.stringify({ id, result });

export const eventFrame = (event: EventName, payload: unknown): string => JSON.stringify({ event, payload });

export const refusalFrame = (refusal: Extract<ParsedFrame, { ok: false }>): string =>
  replyFrame(refusal.id, { ok: false, error: refusal.error });
