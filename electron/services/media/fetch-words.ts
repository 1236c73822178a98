import { isConnectorFailure } from '@shared/connectors';
import { MAX_MEDIA_BYTES } from '@shared/domain/media';
import type { FetchOutcome } from './attachments-repository';

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
export const TOO_LARGE = `Too large to preview (over ${megabytes(MAX_MEDIA_BYTES)}).`;
export const GONE = 'The platform no longer has this file.';
export const NOT_FETCHED = 'This file has not been fetched yet.';

/** Our own time limit ran out: the platform may well send it next time. */
export const TIMED_OUT: Exclude<FetchOutcome, { state: 'cached' }> = { state: 'failed', problem: 'The platform took too long to send the file; try again.' };

/**
 * Why a connection's files are not fetched now, or null when they may be. A paused or
 * signed-out connection makes no platform call at all, and nothing is recorded: the file
 * is not gone, it waits for the moderator to resume or reconnect.
 */
export function heldWords(connectionState: string): string | null {
  if (connectionState === 'active') return null;
  if (connectionState === 'needs-reauth') return 'This connection needs reconnecting; reconnect it in Settings to load the file.';
  return 'This connection is paused; resume it in Settings to load the file.';
}

/**
 * A failed fetch as a state and words for the moderator. Fixed words per error class,
 * never the connector's detail: a download URL can carry the bot token (Telegram's does),
 * and nothing of it may reach the database or the renderer.
 */
export function failureOutcome(error: unknown): Exclude<FetchOutcome, { state: 'cached' }> {
  if (!isConnectorFailure(error)) return { state: 'failed', problem: 'Fetching the file failed unexpectedly; the log has the details.' };
  const e = error.error;
  switch (e.class) {
    case 'not-found':
      return { state: 'gone', problem: GONE };
    case 'invalid':
      if (e.reason === 'too-large') return { state: 'too-large', problem: TOO_LARGE };
      if (e.reason === 'unsupported') return { state: 'failed', problem: 'This platform cannot fetch attached files.' };
      return { state: 'failed', problem: 'The platform refused to send the file.' };
    case 'auth':
      return { state: 'failed', problem: 'The connection needs to sign in again before files can be fetched.' };
    case 'rate-limited':
      return { state: 'failed', problem: 'The platform asked us to slow down; try again in a moment.' };
    case 'conflict':
    case 'transient':
      return { state: 'failed', problem: 'The platform did not send the file this time; try again.' };
  }
}

/** For the log: the class, never a message that might quote a URL. */
export function logSafe(error: unknown): Record<string, string> {
  if (isConnectorFailure(error)) return { class: error.error.class, ...(error.error.class === 'invalid' && error.error.reason ? { reason: error.error.reason } : {}) };
  return { error: error instanceof Error ? error.name : typeof error };
}
