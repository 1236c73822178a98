import { useState } from 'react';
import { canSend, needsTypedConfirmation } from '@shared/announcements/summary';
import type { AnnouncementPreview } from '@shared/domain/announcements';

export interface SendRequest {
  readonly at: number | null;
  readonly targets: number;
  readonly confirmation?: string;
}

/** Why the send button cannot go yet, in words; null when it can. */
export function blockedReason(preview: AnnouncementPreview | undefined, scheduledAt: number | null, now: number): string | null {
  if (!preview) return 'Checking the targets…';
  if (preview.count === 0) return 'Choose at least one target.';
  if (!canSend(preview)) return `Fix or exclude the ${preview.problems === 1 ? 'target' : `${preview.problems} targets`} with a problem first.`;
  if (scheduledAt !== null && scheduledAt <= now) return 'Pick a time in the future, or send now.';
  return null;
}

/**
 * The send button's flow: refused with a reason while blocked, through the typed
 * confirmation over the threshold, then the send itself.
 */
export function useSendFlow(preview: AnnouncementPreview | undefined, scheduledAt: number | null, send: (request: SendRequest) => Promise<boolean>) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const go = async (confirmation?: string) => {
    if (!preview) return;
    setBusy(true);
    const sent = await send({ at: scheduledAt, targets: preview.count, ...(confirmation === undefined ? {} : { confirmation }) });
    setBusy(false);
    if (sent) setConfirming(false);
  };

  const start = () => {
    const reason = blockedReason(preview, scheduledAt, Date.now());
    setRefusal(reason);
    if (reason || !preview || busy) return;
    if (needsTypedConfirmation(preview)) setConfirming(true);
    else void go();
  };

  return { start, confirming, busy, refusal, confirm: (typed: string) => void go(typed), cancel: () => setConfirming(false) };
}
