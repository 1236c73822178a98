import type { Answer } from './client';
import { LOST } from './client';

/** A decision the app answered `ok`: the UI showed it as saved, so it must survive any crash. */
export interface AckedDecision {
  readonly actionId: string;
  readonly count: number;
  readonly decision: string;
}

/** An announcement the app answered `ok` to sending: every one of its targets must get it, once. */
export interface AckedSend {
  readonly announcementId: string;
  readonly targets: number;
}

/** A cancel the app answered: `backToDraft` when nothing had been tried, so the send's deliveries are gone. */
export interface AckedCancel {
  readonly announcementId: string;
  readonly cancelled: number;
  readonly backToDraft: boolean;
}

/** An edit or delete everywhere the app answered: `queued` pushes, one per live post. */
export interface AckedFollowUp {
  readonly announcementId: string;
  readonly kind: 'announce.edit' | 'announce.delete';
  readonly queued: number;
}

/** A rule the app answered enabled: it must still be enabled after any crash. */
export interface AckedRule {
  readonly id: string;
  readonly version: number;
  readonly kind: 'join' | 'alert';
}

/** A message posted on the Sandbox, after an alert rule matching it was enabled: it must become exactly one flag. */
export interface MarkedMessage {
  readonly externalId: string;
  readonly ruleId: string;
}

/** What the workload was told, call by call. */
export class Ledger {
  readonly decisions: AckedDecision[] = [];
  readonly sends: AckedSend[] = [];
  readonly cancels: AckedCancel[] = [];
  /** Cancels whose answer a kill cut off: the send may or may not be back to a draft. */
  readonly cancelsCut = new Set<string>();
  readonly followUps: AckedFollowUp[] = [];
  /** Announcements with an edit or delete whose answer a kill cut off: more pushes than acknowledged may exist. */
  readonly followUpsCut = new Set<string>();
  readonly rules: AckedRule[] = [];
  readonly marked: MarkedMessage[] = [];
  readonly undone = new Set<string>();
  /** Calls whose answer was lost to a kill: saved or not, both are fine, but never half. */
  lost = 0;
  /** Lost answers of decisions: the kill landed between sending one and hearing back. */
  lostDecisions = 0;
  calls = 0;
  /** How long the last whole-queue decision took to answer; aims mid-transaction kills. */
  bulkLatencyMs = 40;
  readonly refusals = new Map<string, number>();
  private readonly inFlight = new Set<Promise<unknown>>();

  /** Records the answer whenever it comes; `settled()` waits for every tracked call. */
  track<T>(call: Promise<Answer<T>>, onOk: (value: T) => void = () => {}, isDecision = false, onLost: () => void = () => {}): Promise<Answer<T>> {
    this.calls++;
    const tracked = call.then((answer) => {
      if (answer === LOST) {
        this.lost++;
        if (isDecision) this.lostDecisions++;
        onLost();
      } else if (answer.ok) onOk(answer.value);
      else {
        // The message's first clause, numbers blanked, tells refusals apart ("Nothing left to cancel", "No post ... is live").
        const kind = `${answer.error.code} (${answer.error.message.split(/[.:(]/)[0]?.replace(/\d+/g, 'N').trim()})`;
        this.refusals.set(kind, (this.refusals.get(kind) ?? 0) + 1);
      }
      return answer;
    });
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
    return tracked;
  }

  async settled(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }
}
