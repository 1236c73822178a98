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

/** What the workload was told, call by call. */
export class Ledger {
  readonly decisions: AckedDecision[] = [];
  readonly sends: AckedSend[] = [];
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
  track<T>(call: Promise<Answer<T>>, onOk: (value: T) => void = () => {}, isDecision = false): Promise<Answer<T>> {
    this.calls++;
    const tracked = call.then((answer) => {
      if (answer === LOST) {
        this.lost++;
        if (isDecision) this.lostDecisions++;
      } else if (answer.ok) onOk(answer.value);
      else this.refusals.set(answer.error.code, (this.refusals.get(answer.error.code) ?? 0) + 1);
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
