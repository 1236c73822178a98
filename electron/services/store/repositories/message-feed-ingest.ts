import type { MessageItem } from '@shared/connectors';
import { applyAlertRules } from '../../flags/alert-rules/apply-alert-rules';
import { enabledAlertRules } from '../../flags/alert-rules/rules-repository';
import type { Tx } from '../database';
import { ensureCommunities } from './communities-ingest';
import { upsertMembers } from './members-ingest';
import { upsertMessages } from './messages-ingest';

/**
 * Upserts one page of the `messages` feed (ordinary traffic, not reports), set-based:
 * placeholder communities, the authors as members, the messages deduped by
 * (connection, external id) with their bodies; then the enabled alert rules run over
 * the messages that arrived (new, or edited) in the same transaction, so a match is a
 * flag the moment its message is stored, and a page pulled again (same bodies)
 * arrives as nothing and flags nothing twice.
 */
export async function ingestMessages(tx: Tx, connectionId: string, items: readonly MessageItem[], now: number): Promise<void> {
  if (items.length === 0) return;
  await ensureCommunities(
    tx,
    connectionId,
    items.map((m) => m.communityExternalId),
    now,
  );
  await upsertMembers(
    tx,
    connectionId,
    items.map((m) => m.author),
    now,
  );
  const rules = await enabledAlertRules(tx);
  const arriving = await upsertMessages(tx, connectionId, items, now, rules.length > 0);
  await applyAlertRules(tx, connectionId, rules, arriving, now);
}
