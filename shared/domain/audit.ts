/** One line of the append-only audit log. */
export interface AuditEntry {
  readonly id: string;
  readonly at: number;
  readonly actor: string;
  readonly device: string;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly summary: string;
}

export interface OutboxRow {
  readonly id: string;
  readonly connectionName: string;
  readonly kind: string;
  readonly target: string;
  readonly state: 'queued' | 'in-flight' | 'done' | 'failed' | 'discarded';
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly lastError: string | null;
  readonly createdAt: number;
}
