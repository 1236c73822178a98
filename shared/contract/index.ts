import type { z } from 'zod';
import type { Result } from '../result';
import { announcementCalls } from './announcements';
import { appCalls } from './app';
import { connectionCalls } from './connections';
import { flaggedCalls } from './flagged';
import { joinRequestCalls } from './join-requests';
import { manualCalls } from './manual';
import { mediaCalls } from './media';
import { ruleCalls } from './rules';
import { events } from './events';
import { syncCalls } from './sync';
import { tableCalls } from './tables';
import { viewCalls } from './views';

/** Every call from renderer to main. Add a feature's calls by spreading its map here. */
export const calls = {
  ...appCalls,
  ...tableCalls,
  ...syncCalls,
  ...connectionCalls,
  ...joinRequestCalls,
  ...manualCalls,
  ...ruleCalls,
  ...viewCalls,
  ...announcementCalls,
  ...flaggedCalls,
  ...mediaCalls,
} as const;

export { events };

export type Calls = typeof calls;
export type CallName = keyof Calls;
/** What the caller sends (before defaults are applied). */
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
/** What the handler receives after validation. */
export type CallParsed<K extends CallName> = z.output<Calls[K]['input']>;
export type CallOutput<K extends CallName> = NonNullable<Calls[K]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = NonNullable<Events[K]['payload']>;

export const CALL_NAMES = Object.freeze(Object.keys(calls) as CallName[]);
export const EVENT_NAMES = Object.freeze(Object.keys(events) as EventName[]);

export const isCallName = (name: unknown): name is CallName =>
  typeof name === 'string' && Object.hasOwn(calls, name);

export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.hasOwn(events, name);

/** The transport-neutral API the renderer sees, derived from the contract. */
export interface ModboardApi {
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>>;
  subscribe<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
}
