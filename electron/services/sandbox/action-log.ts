/** What a push did to the world. `duplicate`: a repeated idempotency key, answered from memory. */
export type ActionEffect = 'applied' | 'already-handled' | 'rejected' | 'duplicate';

export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
}

export interface ActionRecord {
  readonly seq: number;
  readonly at: number;
  readonly idempotencyKey: string;
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly effect: ActionEffect;
  readonly status: number;
}

interface Remembered {
  readonly fingerprint: string;
  readonly at: number;
  readonly method: string;
  readonly path: string;
  readonly response: StoredResponse;
}

/**
 * Every push received, and the answer remembered per idempotency key. A repeated
 * key with the same request gets the original answer and changes nothing; with a
 * different request it is refused, as Stripe-style APIs do. Requests refused before
 * reaching a handler (429, 5xx, auth) are not remembered: they had no effect.
 */
export class ActionLog {
  private readonly records: ActionRecord[] = [];
  private readonly byKey = new Map<string, Remembered>();

  lookup(key: string): Remembered | null {
    return this.byKey.get(key) ?? null;
  }

  remember(key: string, entry: Remembered): void {
    this.byKey.set(key, entry);
  }

  record(entry: Omit<ActionRecord, 'seq'>): void {
    this.records.push({ seq: this.records.length + 1, ...entry });
  }

  entries(): readonly ActionRecord[] {
    return this.records;
  }

  summary() {
    const count = (effect: ActionEffect) => this.records.filter((r) => r.effect === effect).length;
    return { received: this.records.length, applied: count('applied'), alreadyHandled: count('already-handled'), duplicates: count('duplicate'), rejected: count('rejected') };
  }
}
