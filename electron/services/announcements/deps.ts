import type { Connector } from '@shared/connectors';
import type { Store } from '../store/database';
import type { ActingAs } from '../store/repositories/audit';

/** What the announcement desk needs from the rest of the main side. */
export interface AnnouncementDeps {
  readonly store: Store;
  /** The connection's connector as configured now; null when it has none (no credentials, no factory). */
  connectorFor(connectionId: string): Promise<Connector | null>;
  /** Who acts, on which device: recorded on every change. */
  by(): ActingAs;
  /** The preference above which a send needs a typed confirmation. */
  confirmOver(): number;
  /** A feature enqueued pushes: look at the outbox now. */
  wakeDrainer(): void;
  now(): number;
}
