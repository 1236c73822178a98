import { hasCapability, type Connector } from '@shared/connectors';
import { MAX_MEDIA_BYTES, type AttachmentView } from '@shared/domain/media';
import { AppFailure } from '@shared/result';
import type { Logger } from '../app/host';
import type { Store } from '../store/database';
import type { PlatformAccess } from '../sync/platform-access';
import { attachmentRecord, decidedMessages, recordFetch, unfetchedOf, type AttachmentRecord, type FetchOutcome } from './attachments-repository';
import { failureOutcome, GONE, heldWords, logSafe, NOT_FETCHED, TIMED_OUT, TOO_LARGE } from './fetch-words';
import { sniffInlineImage } from './magic';
import { MediaCache, sha256Of } from './media-cache';
import type { MediaAnswer } from './media-response';
import { MediaSweeper } from './media-sweep';

export interface MediaServiceDeps {
  readonly store: Store;
  readonly dataDir: string;
  readonly log: Logger;
  readonly connectorFor: (connectionId: string) => Promise<Connector | null>;
  /** The sync engine's: media fetches wait their turn on the connection's lane and buckets like any call. */
  readonly access: PlatformAccess;
  readonly maxBytes?: number;
  readonly timeoutMs?: number;
  readonly now?: () => number;
}

/** Decided messages whose files a decision keeps, at most (a bulk decision over thousands fetches the first ones). */
export const MAX_EVIDENCE_FETCHES = 200;
const DEFAULT_TIMEOUT_MS = 30_000;

export interface MediaService {
  /** Fetches into the cache unless kept already (or, without `retry`, known gone or too large), and says where it stands. */
  prepare(id: string, options?: { readonly retry?: boolean }): Promise<AttachmentView>;
  /** What `GET /media/<id>` answers: the kept image, or why not. Never fetches: only `prepare` asks the platform. */
  read(id: string): Promise<MediaAnswer>;
  /** After a decision: keeps the files of the decided messages, in the background, best effort; settles when done. */
  keepForEvidence(actionId: string): Promise<void>;
  stop(): Promise<void>;
}

export function createMediaService(deps: MediaServiceDeps): MediaService {
  const cache = new MediaCache(deps.dataDir);
  const sweeper = new MediaSweeper(deps.store, cache, deps.log);
  const maxBytes = deps.maxBytes ?? MAX_MEDIA_BYTES;
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = deps.now ?? Date.now;
  const stopping = new AbortController();
  const inFlight = new Map<string, Promise<void>>();
  let background: Promise<void> = Promise.resolve();

  // Removing a connection deletes its attachment rows; their files go with the next sweep.
  const unsubscribe = deps.store.onCommit((tables) => {
    if (tables.has('connections')) void sweeper.soon();
  });
  void sweeper.soon();

  async function fetchOutcome(record: AttachmentRecord): Promise<FetchOutcome> {
    if (record.view.size !== null && record.view.size > maxBytes) return { state: 'too-large', problem: TOO_LARGE };
    const connector = await deps.connectorFor(record.connectionId);
    const descriptor = connector?.describe();
    if (!connector?.fetchMedia || !descriptor || !hasCapability(descriptor, 'media.fetch'))
      return { state: 'failed', problem: 'This connection cannot fetch attached files (removed, or the platform does not allow it).' };
    const fetchMedia = connector.fetchMedia.bind(connector);
    // The time limit is the platform's, so it starts once the lane and buckets let the call go, not while it waits its turn.
    let timeout: AbortSignal | null = null;
    try {
      const got = await deps.access.call(
        descriptor,
        { connectionId: record.connectionId, capability: 'media.fetch', target: null },
        () => {
          timeout = AbortSignal.timeout(timeoutMs);
          return fetchMedia(record.ref, { maxBytes, signal: AbortSignal.any([stopping.signal, timeout]) });
        },
        stopping.signal,
      );
      // The connector should have stopped at maxBytes; a file over it is not kept either way.
      if (got.bytes.byteLength > maxBytes) return { state: 'too-large', problem: TOO_LARGE };
      const sha256 = sha256Of(got.bytes);
      sweeper.hold(sha256);
      try {
        const kept = await cache.put(got.bytes, sha256);
        return { state: 'cached', ...kept, inlineType: sniffInlineImage(got.bytes) };
      } catch (error) {
        sweeper.release(sha256);
        throw error;
      }
    } catch (error) {
      if (stopping.signal.aborted) throw error;
      deps.log.warn('Fetching an attachment failed', { attachment: record.view.id, ...logSafe(error) });
      return (timeout as AbortSignal | null)?.aborted ? TIMED_OUT : failureOutcome(error);
    }
  }

  /** One fetch per attachment at a time: a second caller waits for the first. */
  function fetchOnce(record: AttachmentRecord): Promise<void> {
    const running = inFlight.get(record.view.id);
    if (running) return running;
    const run = fetchOutcome(record)
      .then(async (outcome) => {
        try {
          const recorded = await recordFetch(deps.store, record.view.id, outcome, now());
          // The row went while the file was fetched (its connection was removed): the file is nobody's.
          if (!recorded && outcome.state === 'cached') void sweeper.soon();
        } finally {
          if (outcome.state === 'cached') sweeper.release(outcome.sha256);
        }
      })
      .finally(() => inFlight.delete(record.view.id));
    inFlight.set(record.view.id, run);
    return run;
  }

  async function known(id: string): Promise<AttachmentRecord> {
    const record = await attachmentRecord(deps.store.reader, id);
    if (!record) throw new AppFailure('not-found', 'No such attachment.');
    return record;
  }

  async function prepare(id: string, options: { readonly retry?: boolean } = {}): Promise<AttachmentView> {
    const record = await known(id);
    const settled = record.view.state === 'cached' || (!options.retry && (record.view.state === 'gone' || record.view.state === 'too-large'));
    if (settled) return record.view;
    const held = heldWords(record.connectionState);
    if (held) return { ...record.view, problem: held };
    await fetchOnce(record);
    return (await known(id)).view;
  }

  return {
    prepare,

    async read(id) {
      const record = await attachmentRecord(deps.store.reader, id);
      if (!record) return { kind: 'refused', status: 404, message: 'No such attachment.' };
      const view = record.view;
      switch (view.state) {
        case 'cached': {
          if (view.inlineType === null || view.sha256 === null) return { kind: 'refused', status: 415, message: 'This file is not an image that can be shown.' };
          const bytes = await cache.get(view.sha256);
          if (!bytes) return { kind: 'refused', status: 404, message: 'The kept copy of this file is missing or damaged.' };
          return { kind: 'image', contentType: view.inlineType, bytes };
        }
        case 'gone':
          return { kind: 'refused', status: 410, message: GONE };
        case 'too-large':
          return { kind: 'refused', status: 413, message: TOO_LARGE };
        case 'failed':
          return { kind: 'refused', status: 502, message: view.problem ?? 'The file could not be fetched.' };
        case 'not-fetched':
          return { kind: 'refused', status: 404, message: NOT_FETCHED };
      }
    },

    keepForEvidence(actionId) {
      const kept = background.then(async () => {
        if (stopping.signal.aborted) return;
        try {
          const messages = await decidedMessages(deps.store.reader, actionId, MAX_EVIDENCE_FETCHES);
          for (const id of await unfetchedOf(deps.store.reader, messages)) {
            if (stopping.signal.aborted) return;
            const record = await attachmentRecord(deps.store.reader, id);
            // A paused or signed-out connection is not asked; its files stay as they were.
            if (record && !heldWords(record.connectionState)) await fetchOnce(record);
          }
        } catch (error) {
          if (!stopping.signal.aborted) deps.log.warn('Keeping the decided messages’ files failed', { action: actionId, ...logSafe(error) });
        }
      });
      background = kept;
      return kept;
    },

    async stop() {
      unsubscribe();
      stopping.abort(new Error('media service stopped'));
      await background;
      await Promise.allSettled([...inFlight.values()]);
      await sweeper.stop();
    },
  };
}
