export const CONNECTION_KINDS = ['sandbox', 'telegram', 'discourse', 'discord', 'facebook-manual'] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

/** `needs-reauth` is entered when a platform rejects the credentials; pushes wait until the user reconnects. */
export const CONNECTION_STATES = ['active', 'paused', 'needs-reauth'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

export interface ConnectionSummary {
  readonly id: string;
  readonly kind: ConnectionKind;
  readonly name: string;
  readonly state: ConnectionState;
  readonly stateReason: string | null;
  readonly communityCount: number;
  readonly createdAt: number;
}
