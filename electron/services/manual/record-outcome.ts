import type { ScreeningAnswerItem } from '@shared/connectors';
import { AppFailure } from '@shared/result';
import { decideJoinRequests } from '../decisions/join-decisions';
import type { Store } from '../store/database';
import { ingestJoinRequests } from '../store/repositories/join-requests-ingest';
import { sql } from '../store/sql';
import type { Acting } from './manual-groups';

export interface ManualJoinOutcome {
  readonly communityId: string;
  readonly personName: string;
  readonly profileUrl?: string | undefined;
  readonly answers?: readonly ScreeningAnswerItem[] | undefined;
  readonly decision: 'approve' | 'decline' | 'decline-ban';
  readonly reason?: string | undefined;
}

/** The same person recorded twice is one member: by profile link when given, else by name. */
function personId(outcome: ManualJoinOutcome): string {
  const url = outcome.profileUrl?.trim();
  return url ? `url:${url.replace(/[?#].*$/, '').replace(/\/+$/, '').toLowerCase()}` : `name:${outcome.personName.trim().toLowerCase()}`;
}

/**
 * A decision the moderator made on the platform's own site, recorded so it counts like
 * any other: the request goes through the normal ingest (signals, person card), then the
 * normal decision, which for a connector without capabilities pushes nothing.
 */
export async function recordManualJoinRequest(store: Store, outcome: ManualJoinOutcome, acting: Acting): Promise<string> {
  const community = await store.reader.get<{ connection_id: string; external_id: string; kind: string }>(
    sql`SELECT c.connection_id, c.external_id, n.kind FROM communities c JOIN connections n ON n.id = c.connection_id WHERE c.id = ${outcome.communityId}`,
  );
  if (community?.kind !== 'facebook-manual') throw new AppFailure('not-found', 'Outcomes are recorded by hand only for manual groups.');
  const externalId = `manual:${acting.now.toString(36)}:${personId(outcome)}`;
  const profileUrl = outcome.profileUrl?.trim() && /^https:\/\//i.test(outcome.profileUrl) ? outcome.profileUrl.trim() : null;
  await store.writer.transaction(async (tx) => {
    await ingestJoinRequests(
      tx,
      community.connection_id,
      [
        {
          externalId,
          version: null,
          communityExternalId: community.external_id,
          person: { externalId: personId(outcome), displayName: outcome.personName, username: null, accountCreatedAt: null, profileUrl, history: null },
          requestedAt: acting.now,
          answers: outcome.answers ?? [],
          status: 'pending',
          handledBy: null,
        },
      ],
      acting.now,
    );
  });
  const row = await store.reader.get<{ id: string }>(
    sql`SELECT id FROM join_requests WHERE connection_id = ${community.connection_id} AND external_id = ${externalId}`,
  );
  if (!row) throw new AppFailure('internal', 'The request was recorded but cannot be read back.');
  await decideJoinRequests(store, {
    target: { kind: 'ids', ids: [row.id] },
    decision: outcome.decision,
    reason: outcome.reason ?? null,
    snoozeUntil: null,
    actor: acting.actor,
    device: acting.device,
    graceMs: 0,
    now: acting.now,
  });
  return row.id;
}
