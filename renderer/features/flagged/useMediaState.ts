import { useCallback, useEffect, useState } from 'react';
import type { AttachmentView } from '@shared/domain/media';
import { useApi } from '../../client/ApiProvider';

export interface MediaStateHandle {
  readonly view: AttachmentView;
  /** True while main fetches the file from the platform. */
  readonly loading: boolean;
  /** Set when the call itself failed (the desk, not the platform). */
  readonly error: string | null;
  retry(): void;
}

interface Answer {
  readonly attempt: number;
  readonly view: AttachmentView | null;
  readonly error: string | null;
}

/**
 * An image attachment's state, fetched into the desk's cache on first sight (`media.prepare`)
 * unless it is kept already or known gone or too large; `retry` asks the platform again.
 */
export function useMediaState(initial: AttachmentView): MediaStateHandle {
  const api = useApi();
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const needsFetch = attempt > 0 || initial.state === 'not-fetched' || initial.state === 'failed';
  const id = initial.id;
  useEffect(() => {
    if (!needsFetch) return;
    let current = true;
    void api.call('media.prepare', { id, retry: attempt > 0 }).then((result) => {
      if (current) setAnswer(result.ok ? { attempt, view: result.value, error: null } : { attempt, view: null, error: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [api, id, attempt, needsFetch]);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return {
    view: answer?.view ?? initial,
    loading: needsFetch && answer?.attempt !== attempt,
    error: answer?.attempt === attempt ? answer.error : null,
    retry,
  };
}
