import type { CallName, EventName, EventPayload } from '@shared/contract';
import type { Result } from '@shared/result';
import type { MediaAnswer } from '../media/media-response';
import type { SecretCipher } from '../secrets/secret-vault';

/**
 * What the services need from whoever hosts them: the Electron shell or browser mode.
 * Keeps every service runnable under plain Node (DESIGN §1).
 */
export interface HostBridge {
  readonly kind: 'desktop' | 'browser';
  /**
   * Opens an http(s) link in the user's browser after asking them.
   * Resolves false when they decline or when the host leaves it to the page (browser mode).
   */
  openExternal(url: string): Promise<boolean>;
}

/** Raw persistence of the settings object: electron-store on desktop, conf in browser mode. */
export interface SettingsBackend {
  read(): unknown;
  write(value: unknown): void;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface ServicesOptions {
  readonly dataDir: string;
  readonly settings: SettingsBackend;
  readonly host: HostBridge;
  readonly log: Logger;
  /** Version string shown in the UI (package.json version). */
  readonly appVersion: string;
  /** Tests and benchmarks turn off the first-run Sandbox connection and background jobs. */
  readonly startSync?: boolean;
  /** Seals secrets at rest; the desktop passes the OS keychain (safeStorage). Default: a key file. */
  readonly secretCipher?: SecretCipher;
  /** Put the newest sound automatic backup in place of the database first (the one there is set aside). */
  readonly restoreBackup?: boolean;
}

export type EventListener = <K extends EventName>(name: K, payload: EventPayload<K>) => void;

/** The running main side, as both transports see it. */
export interface Services {
  /** Validates and runs one contract call. Never throws; unknown names and bad payloads are typed errors. */
  dispatch(name: unknown, payload: unknown): Promise<Result<unknown>>;
  subscribe(listener: EventListener): () => void;
  /** An attachment for `/media/<id>` (same-origin images): fetched on demand, checked, kept. Never throws. */
  readMedia(attachmentId: string): Promise<MediaAnswer>;
  stop(): Promise<void>;
}

export type { CallName };
