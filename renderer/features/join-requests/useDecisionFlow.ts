import { useRef, useState } from 'react';
import type { DecisionPreview, JoinDecisionKind } from '@shared/domain/decisions';
import type { ConnectionCapabilities } from '@shared/domain/flagged';
import { decisionRefusal, leftPendingNote } from '@shared/join-requests/decision-gate';
import { useApi } from '../../client/ApiProvider';
import { EMPTY_SELECTION } from '../../ui/data-table';
import { focusAfterDecision } from '../../ui/queue/rows/focus';
import { indexHints } from '../../ui/queue/rows/hiddenRows';
import { loadedRows } from '../../ui/queue/rows/loadedRows';
import { leavesQuery } from '../../ui/queue/rows/optimistic';
import { useQueueFeedback } from '../../ui/queue/useQueueFeedback';
import { decisionBlocks, idsTaking, type DecisionBlocks } from './availability';
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
  /** Each connection's capabilities; undefined while they load (main still checks). */
  readonly capabilities: readonly ConnectionCapabilities[] | undefined;
  /** The cluster's decisions as main judged them (useClusterBlocks). */
  readonly clusterBlocks: DecisionBlocks;
}

const IDLE: FlowStep = { kind: 'idle' };

/**
 * A decision from key or button to main: target (selection, focused row, cluster, or
 * everything matching), reason picker, bulk confirmation with counts per community,
 * then the optimistic update and the call. Also undo, newest first. A decision no row
 * of the target can take (its platform lacks the capability) stops at once with the
 * reason in the status line; rows of a mixed selection that cannot take it stay pending,
 * as the confirmation and the toast say.
 */
export function useDecisionFlow({ queue, cluster, confirmBulkOver, capabilities, clusterBlocks }: Options) {
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
    const taking = idsTaking(decision, resolved.ids, resolved.rows, capabilities);
    const key = optimistic.begin({
      status,
      hideIn: hide ? source.queryKey : null,
      ids: indexHints(taking, idAt, focus.focusedIndex, source.total),
      query: resolved.except === null ? null : { queryKey: source.queryKey, except: new Set(resolved.except) },
    });
    const next = focusAfterDecision({ decided: taking, everyRowOfQuery: resolved.except !== null, hidden: hide, focusedIndex: focus.focusedIndex, idAt, total: source.total });
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
        const { actionId, count, graceUntil, leftPending } = result.value;
        optimistic.settle(key, actionId);
        const left = leftPending ? ` — ${leftPendingNote(leftPending, count)}` : '';
        feedback.done(`${decisionDone(decision)} ${count.toLocaleString()}${left}`, { actionId, graceUntil });
      });
  };

  /**
   * Small targets whose every row the renderer sees are judged here and go straight to
   * main; any other (a bulk, "all matching", a cluster) is counted by main first with the
   * decision, so a target some rows of which cannot take it is confirmed with how many
   * stay pending, and one no row of which can is stopped before anything changes.
   */
  const proceed = (decision: JoinDecisionKind, resolved: ResolvedTarget, reason: ReasonChoice | null) => {
    const small = resolved.estimate <= confirmBulkOver;
    const seen = resolved.target.kind === 'ids' && resolved.rows.length === resolved.ids.length;
    if (small && seen) {
      commit(decision, resolved, reason);
      return;
    }
    const seq = ++previewSeq.current;
    if (!small) setStep({ kind: 'confirm', decision, resolved, reason, preview: null });
    void api.call('joinRequests.preview', { target: resolved.target, decision }).then((result) => {
      if (seq !== previewSeq.current) return;
      if (!result.ok) {
        setStep(IDLE);
        if (result.error.code === 'forbidden') say(result.error.message);
        else setError(`Could not count the requests this reaches: ${result.error.message}`);
        return;
      }
      if (small && !result.value.leftPending) commit(decision, resolved, reason);
      else setStep({ kind: 'confirm', decision, resolved, reason, preview: result.value });
    });
  };

  /** `a`, `d`, `b`, `s` (shift: the cluster) and the decision buttons. */
  const start = (decision: JoinDecisionKind, scope: 'target' | 'cluster') => {
    const { selection, focus, filters, search, source } = queue;
    const resolved = resolveTarget(scope, { selection, focusedRow: focus.focusedRow, filters, search, total: source.total, cluster, loaded: loadedRows(source, focus.focusedIndex) });
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
    // A blocked key says why instead of doing nothing; the button it stands for is disabled with the same words.
    const block = (scope === 'cluster' ? clusterBlocks : decisionBlocks(resolved, capabilities))[decision].block;
    if (block) {
      say(decisionRefusal(decision, block));
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
