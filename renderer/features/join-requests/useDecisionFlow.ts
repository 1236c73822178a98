import { useRef, useState } from 'react';
import type { DecisionPreview, JoinDecisionKind } from '@shared/domain/decisions';
import { useApi } from '../../client/ApiProvider';
import { EMPTY_SELECTION } from '../../ui/data-table';
import { focusAfterDecision } from '../../ui/queue/rows/focus';
import { indexHints } from '../../ui/queue/rows/hiddenRows';
import { leavesQuery } from '../../ui/queue/rows/optimistic';
import { useQueueFeedback } from '../../ui/queue/useQueueFeedback';
import { decisionDone, decisionVerb, needsReason, SNOOZE_MINUTES, statusAfter } from './decisionText';
import { resolveTarget, type ResolvedTarget } from './targets';
import type { JoinRequestQueue } from './useJoinRequestQueue';

export type ReasonChoice = { readonly reasonId: string; readonly label: string } | { readonly reasonText: string };

export type FlowStep =
  | { readonly kind: 'idle' }
  | { readonly kind: 'reason'; readonly decision: JoinDecisionKind; readonly resolved: ResolvedTarget }
  | {
      readonly kind: 'confirm';
      readonly decision: JoinDecisionKind;
      readonly resolved: ResolvedTarget;
      readonly reason: ReasonChoice | null;
      /** Null while main counts. */
      readonly preview: DecisionPreview | null;
    };

interface Options {
  readonly queue: JoinRequestQueue;
  readonly cluster: { readonly key: string; readonly size: number } | null;
  readonly confirmBulkOver: number;
}

const IDLE: FlowStep = { kind: 'idle' };

/**
 * A decision from key or button to main: target (selection, focused row, cluster, or
 * everything matching), reason picker, bulk confirmation with counts per community,
 * then the optimistic update and the call. Also undo, newest first.
 */
export function useDecisionFlow({ queue, cluster, confirmBulkOver }: Options) {
  const api = useApi();
  const [step, setStep] = useState<FlowStep>(IDLE);
  const previewSeq = useRef(0);
  const feedback = useQueueFeedback({
    undoCall: (actionId) => api.call('actions.undo', { actionId }),
    queue,
    pushedStay: 'stay decided',
  });
  const { say, setError } = feedback;

  const commit = (decision: JoinDecisionKind, resolved: ResolvedTarget, reason: ReasonChoice | null) => {
    const { source, focus, filters, optimistic } = queue;
    const status = statusAfter(decision);
    const idAt = (index: number) => source.getRow(index)?.id;
    const hide = resolved.except === null && leavesQuery(filters, status);
    const key = optimistic.begin({
      status,
      hideIn: hide ? source.queryKey : null,
      ids: indexHints(resolved.ids, idAt, focus.focusedIndex, source.total),
      query: resolved.except === null ? null : { queryKey: source.queryKey, except: new Set(resolved.except) },
    });
    const next = focusAfterDecision({ decided: resolved.ids, everyRowOfQuery: resolved.except !== null, hidden: hide, focusedIndex: focus.focusedIndex, idAt, total: source.total });
    if (next) focus.setAnchor(next);
    queue.setSelection(EMPTY_SELECTION);
    setStep(IDLE);
    setError(null);

    const reasonInput = reason === null ? {} : 'reasonId' in reason ? { reasonId: reason.reasonId } : { reasonText: reason.reasonText };
    void api
      .call('joinRequests.decide', {
        target: resolved.target,
        decision,
        ...reasonInput,
        ...(decision === 'snooze' ? { snoozeMinutes: SNOOZE_MINUTES } : {}),
      })
      .then((result) => {
        if (!result.ok) {
          optimistic.fail(key);
          setError(`${decisionVerb(decision)} failed: ${result.error.message}`);
          return;
        }
        const { actionId, count, graceUntil } = result.value;
        optimistic.settle(key, actionId);
        feedback.done(`${decisionDone(decision)} ${count.toLocaleString()}`, { actionId, graceUntil });
      });
  };

  const proceed = (decision: JoinDecisionKind, resolved: ResolvedTarget, reason: ReasonChoice | null) => {
    if (resolved.estimate <= confirmBulkOver) {
      commit(decision, resolved, reason);
      return;
    }
    const seq = ++previewSeq.current;
    setStep({ kind: 'confirm', decision, resolved, reason, preview: null });
    void api.call('joinRequests.preview', { target: resolved.target }).then((result) => {
      if (seq !== previewSeq.current) return;
      if (!result.ok) {
        setStep(IDLE);
        setError(`Could not count the requests this reaches: ${result.error.message}`);
        return;
      }
      setStep({ kind: 'confirm', decision, resolved, reason, preview: result.value });
    });
  };

  /** `a`, `d`, `b`, `s` (shift: the cluster) and the decision buttons. */
  const start = (decision: JoinDecisionKind, scope: 'target' | 'cluster') => {
    const { selection, focus, filters, search, source } = queue;
    const resolved = resolveTarget(scope, { selection, focusedRow: focus.focusedRow, filters, search, total: source.total, cluster });
    if (!resolved) {
      const clusterLoading = focus.focusedRow?.signals.includes('cluster') ?? false;
      say(
        scope === 'target'
          ? 'No request to decide.'
          : clusterLoading
            ? 'The cluster of the focused request is still loading; try again in a moment.'
            : 'The focused request is not part of a cluster.',
      );
      return;
    }
    if (needsReason(decision)) setStep({ kind: 'reason', decision, resolved });
    else proceed(decision, resolved, null);
  };

  const chooseReason = (reason: ReasonChoice) => {
    if (step.kind === 'reason') proceed(step.decision, step.resolved, reason);
  };

  const confirm = () => {
    if (step.kind === 'confirm' && step.preview) commit(step.decision, step.resolved, step.reason);
  };

  const cancel = () => {
    previewSeq.current += 1;
    setStep(IDLE);
  };

  return {
    step,
    start,
    chooseReason,
    confirm,
    cancel,
    undo: feedback.undo,
    toast: feedback.toast,
    /** A message in the toast, for steps outside a decision ("not part of a cluster"). */
    notify: (text: string) => say(text),
    dismissToast: feedback.dismissToast,
    error: feedback.error,
    dismissError: feedback.dismissError,
  };
}

export type DecisionFlow = ReturnType<typeof useDecisionFlow>;
