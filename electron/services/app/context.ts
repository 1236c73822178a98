import type { Store } from '../store/database';
import type { WindowCache } from '../store/window-cache';
import type { EventHub } from '../contract/event-hub';
import type { SettingsService } from '../settings/settings-service';
import type { RecoveryControl } from './backup-restore';
import type { HostBridge, Logger } from './host';

/** What handlers and jobs share: built once by `startServices`. */
export interface ServiceContext {
  readonly dataDir: string;
  readonly appVersion: string;
  /** Who acts on this desk; recorded on every change (one local user until team workspaces). */
  readonly actor: string;
  readonly store: Store;
  readonly settings: SettingsService;
  readonly host: HostBridge;
  readonly hub: EventHub;
  readonly log: Logger;
  readonly windows: WindowCache;
  /** The automatic backups, and restoring one in place of the open database. */
  readonly recovery: RecoveryControl;
}
