import { useRef, useState } from 'react';
import type { DecisionPreview, JoinDecisionKind } from '@shared/domain/decisions';
import { useApi } from '../../client/ApiProvider';
import { EMPTY_SELECTION } from '../../ui/data-table';
import { decisionDone, decisionVerb, needsReason, SNOOZE_MINUTES } from './decisionText';
import { nextUndecided } from './focus';
import { indexHints } from './hiddenRows';
import { leavesQuery, statusAfter } from './optimistic';
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

export interface Toast {
  readonly id: number;
  readonly text: string;
  /** Set for a decision: `u` or the toast's button takes it back until `graceUntil`. */
  readonly actionId: string | null;
  readonly graceUntil: number | null;
}

interface Options {
  readonly queue: JoinRequestQueue;
  readonly cluster: { readonly key: string; readonly size: number } | null;
  readonly confirmBulkOver: number;
}

const IDLE: FlowStep = { kind: 'idle' };
const MAX_UNDO_STACK = 20;

/**
 * A decision from key or button to main: target (selection, focused row, cluster, or
 * everything matching), reason picker, bulk confirmation with counts per community,
 * then the optimistic update and the call. Also undo, newest first.
 */
export function useDecisionFlow({ queue, cluster, confirmBulkOver }: Options) {
  const api = useApi();
  const [step, setStep] = useState<FlowStep>(IDLE);
  const [toast, setToast] = useState<Toast | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [undoStack, setUndoStack] = useState<readonly { actionId: string; text: string }[]>([]);
  const previewSeq = useRef(0);
  const toastSeq = useRef(0);

  const say = (text: string, action?: { actionId: string; graceUntil: number }) =>
    setToast({ id: ++toastSeq.current, text, actionId: action?.actionId ?? null, graceUntil: action?.graceUntil ?? null });

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
    // In this same event, so the next row is focused in the frame the decided one leaves.
    if (resolved.except !== null) {
      focus.setAnchor({ id: null, index: 0 });
    } else {
      const next = nextUndecided(focus.focusedIndex, new Set(resolved.ids), idAt, source.total);
      focus.setAnchor(hide ? { id: next.id, index: focus.focusedIndex } : next);
    }
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
        const text = `${decisionDone(decision)} ${count.toLocaleString()}`;
        setUndoStack((stack) => [...stack.slice(-(MAX_UNDO_STACK - 1)), { actionId, text }]);
        say(text, { actionId, graceUntil });
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
    const resolved = resolveTarget(scope, {
      selection,
      focusedRow: focus.focusedRow,
      filters,
      search,
      total: source.total,
      cluster,
    });
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

  /** `u`: the newest action of this session still on the stack, or the one given (Recent actions). */
  const undo = async (actionId?: string) => {
    const entry = actionId ? { actionId, text: 'that action' } : undoStack.at(-1);
    if (!entry) {
      say('Nothing to undo yet.');
      return;
    }
    setUndoStack((stack) => stack.filter((item) => item.actionId !== entry.actionId));
    const result = await api.call('actions.undo', { actionId: entry.actionId });
    if (!result.ok) {
      setError(`Undo failed: ${result.error.message}`);
      return;
    }
    const { restored, alreadyPushed } = result.value;
    queue.optimistic.undone(entry.actionId);
    queue.arrivals.expectReturning(restored);
    const pushed = alreadyPushed > 0 ? `; ${alreadyPushed.toLocaleString()} had already reached the platform and stay decided` : '';
    say(`Undone: ${restored.toLocaleString()} back in the queue${pushed}.`);
  };

  return {
    step,
    start,
    chooseReason,
    confirm,
    cancel,
    undo,
    toast,
    /** A message in the toast, for steps outside a decision ("not part of a cluster"). */
    notify: (text: string) => say(text),
    dismissToast: () => setToast(null),
    error,
    dismissError: () => setError(null),
  };
}

export type DecisionFlow = ReturnType<typeof useDecisionFlow>;
