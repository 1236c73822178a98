import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommunityItem, JoinRequestItem, MessageItem, PersonItem, ReportItem } from '@shared/connectors';
import { openStore, type Store } from '../database';
import { sql } from '../sql';

/**
 * Test support for the ingest and outbox repositories (imported by *.test.ts only):
 * a real SQLite file in its own temp folder, and items as a connector delivers them.
 */
export interface TempStore {
  readonly store: Store;
  readonly dir: string;
  readonly file: string;
  reopen(): Promise<Store>;
  cleanup(): Promise<void>;
}

export async function openTempStore(prefix = 'modboard-sync-'): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'modboard.sqlite');
  let current = await openStore(file);
  return {
    get store() {
      return current;
    },
    dir,
    file,
    async reopen() {
      await current.close();
      current = await openStore(file);
      return current;
    },
    async cleanup() {
      await current.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function addConnection(store: Store, id = 'CONN', state: 'active' | 'paused' | 'needs-reauth' = 'active'): Promise<string> {
  await store.writer.transaction(async (tx) => {
    await tx.run(sql`INSERT INTO connections (id, kind, name, state, created_at, updated_at) VALUES (${id}, 'sandbox', ${`Sandbox ${id}`}, ${state}, 1, 1)`);
    tx.touch('connections');
  });
  return id;
}

const DAY = 86_400_000;
export const T0 = Date.UTC(2026, 7, 1);

export const person = (externalId: string, over: Partial<PersonItem> = {}): PersonItem => ({
  externalId,
  displayName: `Person ${externalId}`,
  username: externalId,
  accountCreatedAt: T0 - 400 * DAY,
  profileUrl: null,
  history: { mutualCommunities: 0, priorDeclines: 0, priorRemovals: 0 },
  ...over,
});

export const community = (externalId: string, over: Partial<CommunityItem> = {}): CommunityItem => ({
  externalId,
  parentExternalId: null,
  name: `Community ${externalId}`,
  kind: 'group',
  memberCount: 10,
  language: 'en',
  tags: [],
  url: null,
  rulesUrl: null,
  ...over,
});

export const joinRequest = (externalId: string, over: Partial<JoinRequestItem> = {}): JoinRequestItem => ({
  externalId,
  version: '1',
  communityExternalId: 'c1',
  person: person(`u-${externalId}`),
  requestedAt: T0,
  answers: [{ question: 'Why?', answer: `Because ${externalId} likes it` }],
  status: 'pending',
  handledBy: null,
  ...over,
});

export const message = (externalId: string, over: Partial<MessageItem> = {}): MessageItem => ({
  externalId,
  communityExternalId: 'c1',
  conversationId: 'conv1',
  author: person('author1'),
  body: `message ${externalId}`,
  sentAt: T0,
  replyToExternalId: null,
  ...over,
});

export const report = (externalId: string, over: Partial<ReportItem> = {}): ReportItem => ({
  externalId,
  version: '1',
  message: message('m1'),
  context: [message('m0', { sentAt: T0 - 1000 }), message('m2', { sentAt: T0 + 1000 })],
  reporter: { name: 'reporter' },
  reason: 'spam',
  reportedAt: T0,
  status: 'open',
  handledBy: null,
  ...over,
});
