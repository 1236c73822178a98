import { isConnectorFailure } from '@shared/connectors';
import { MAX_MEDIA_BYTES } from '@shared/domain/media';
import type { FetchOutcome } from './attachments-repository';

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
export const TOO_LARGE = `Too large to preview (over ${megabytes(MAX_MEDIA_BYTES)}).`;
export const GONE = 'The platform no longer has this file.';

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
