import { useCallback, useEffect, useState } from 'react';
import type { JoinRequestDetail } from '@shared/domain/decisions';
import type { AppError } from '@shared/result';
import { useApi } from '../../client/ApiProvider';
import { useQueueVersion } from '../../client/hooks';

interface Answer {
  readonly id: string;
  readonly key: string;
  readonly detail?: JoinRequestDetail;
  readonly error?: AppError;
}

/**
 * The focused request's detail, again whenever the queue changes. While the same
 * request refreshes, its previous detail stays; another request's never shows.
 */
export function useRequestDetail(id: string | null) {
  const api = useApi();
  const version = useQueueVersion(['join-requests', 'outbox']);
  const [reloads, setReloads] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const key = `${id}|${version}|${reloads}`;

  useEffect(() => {
    if (id === null) return;
    let current = true;
    void api.call('joinRequests.detail', { id }).then((result) => {
      if (!current) return;
      setAnswer(result.ok ? { id, key, detail: result.value } : { id, key, error: result.error });
    });
    return () => {
      current = false;
    };
  }, [api, id, key]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const mine = answer !== null && answer.id === id ? answer : null;
  return { detail: mine?.detail, error: mine?.error, loading: mine?.key !== key, reload };
}
