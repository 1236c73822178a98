import type { ReportItem } from '@shared/connectors';
import type { FlagAction, FlagTarget } from '@shared/contract/flagged';
import type { ConnectionCapabilities } from '@shared/domain/flagged';
import { SANDBOX_DESCRIPTOR } from '../connectors/sandbox/descriptor';
import type { Store } from '../store/database';
import { ingestReports } from '../store/repositories/reports-ingest';
import { message, person, report, T0 } from '../store/repositories/testing';
import { sql } from '../store/sql';
import { decideFlags } from './decide-flags';
import type { WarningTemplate } from './warnings';

/**
 * Test support for the flag services (imported by *.test.ts only): flagged messages as
 * the Sandbox connector delivers them, and decisions with a fixed clock.
 */
export const NOW = T0 + 86_400_000;

export const sandboxCapabilities = (connectionId = 'CONN', name = 'Sandbox'): ConnectionCapabilities => ({
  connectionId,
  name,
  kind: 'sandbox',
  capabilities: SANDBOX_DESCRIPTOR.capabilities,
  bulkRemoveLimit: SANDBOX_DESCRIPTOR.limits.maxBulkRemove ?? null,
});

/** `count` reported messages in `communities` communities by `authors` authors, each with one message of context either side. */
export function reportedMessages(count: number, options: { communities?: number; authors?: number; prefix?: string } = {}): ReportItem[] {
  const { communities = 3, authors = count, prefix = 'r' } = options;
  return Array.from({ length: count }, (_, i) => {
    const place = { communityExternalId: `c${i % communities}`, conversationId: `conv-${prefix}${i}` };
    const author = person(`a${i % authors}`, { displayName: `Author ${i % authors}` });
    return report(`${prefix}${i}`, {
      message: message(`${prefix}m${i}`, { ...place, author, body: `flagged message ${i}`, sentAt: T0 + i * 1000 }),
      context: [
        message(`${prefix}m${i}-before`, { ...place, author: person('bystander'), body: `before ${i}`, sentAt: T0 + i * 1000 - 500 }),
        message(`${prefix}m${i}-after`, { ...place, author: person('bystander'), body: `after ${i}`, sentAt: T0 + i * 1000 + 500 }),
      ],
      reportedAt: T0 + i * 1000 + 600,
    });
  });
}

export async function ingest(store: Store, items: readonly ReportItem[], connectionId = 'CONN', now = NOW): Promise<void> {
  for (let i = 0; i < items.length; i += 500)
    await store.writer.transaction((tx) => ingestReports(tx, connectionId, items.slice(i, i + 500), now));
}

export const flagIdOf = async (store: Store, messageExternalId: string): Promise<string> => {
  const row = await store.reader.get<{ id: string }>(sql`SELECT f.id FROM flags f JOIN messages m ON m.id = f.message_id WHERE m.external_id = ${messageExternalId}`);
  if (!row) throw new Error(`no flag for ${messageExternalId}`);
  return row.id;
};

export function decide(
  store: Store,
  target: FlagTarget,
  action: FlagAction,
  over: { warning?: WarningTemplate | null; connections?: readonly ConnectionCapabilities[]; now?: number } = {},
) {
  return decideFlags(store, {
    target,
    action,
    warning: over.warning ?? null,
    connections: over.connections ?? [sandboxCapabilities()],
    actor: 'me',
    device: 'desk-1',
    graceMs: 8_000,
    now: over.now ?? NOW,
  });
}

export const count = async (store: Store, query: ReturnType<typeof sql>): Promise<number> =>
  (await store.reader.get<{ n: number }>(query))?.n ?? 0;
