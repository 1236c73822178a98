import { useEffect, useState } from 'react';
import { JOIN_DECISIONS, type JoinDecisionKind } from '@shared/domain/decisions';
import { leftPendingNote, refusalReason } from '@shared/join-requests/decision-gate';
import { useApi } from '../../client/ApiProvider';
import type { DecisionAvailability, DecisionBlocks } from './availability';
import type { ClusterRef } from './clusters';

const OFFERED: DecisionAvailability = { block: null, note: null };
const ALL_OFFERED = Object.fromEntries(JOIN_DECISIONS.map((d) => [d, OFFERED])) as Record<JoinDecisionKind, DecisionAvailability>;
/** Approve and decline need the same of a platform, so one count answers both. */
const ASKED: readonly JoinDecisionKind[] = ['approve', 'decline-ban'];

/**
 * What a cluster's decisions would do, as main counts them: a cluster's requests may
 * come from several platforms, most of them not loaded here, so main's preview (the same
 * gate as the decision) says which decisions no row can take and how many rows would stay
 * pending. Everything stays offered while it counts or when it cannot: main still checks.
 */
export function useClusterBlocks(cluster: ClusterRef | null): DecisionBlocks {
  const api = useApi();
  const [blocks, setBlocks] = useState<{ key: string; blocks: DecisionBlocks } | null>(null);
  const key = cluster ? `${cluster.key}|${cluster.size}` : null;
  useEffect(() => {
    if (!cluster || key === null) return;
    let current = true;
    const target = { kind: 'cluster' as const, clusterKey: cluster.key };
    void Promise.all(
      ASKED.map(async (decision): Promise<DecisionAvailability> => {
        const result = await api.call('joinRequests.preview', { target, decision });
        if (!result.ok) return result.error.code === 'forbidden' ? { block: refusalReason(decision, result.error.message), note: null } : OFFERED;
        const { leftPending, total } = result.value;
        return { block: null, note: leftPending ? leftPendingNote(leftPending, total) : null };
      }),
    ).then(([approve = OFFERED, ban = OFFERED]) => {
      if (current) setBlocks({ key, blocks: { approve, decline: approve, 'decline-ban': ban, snooze: OFFERED } });
    });
    return () => {
      current = false;
    };
    // The key stands for the cluster: a new object with the same key asks nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);
  return blocks && blocks.key === key ? blocks.blocks : ALL_OFFERED;
}
