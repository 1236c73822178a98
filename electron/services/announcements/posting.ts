import { hasCapability, type ConnectorDescriptor } from '@shared/connectors';
import type { PostingAbility } from '@shared/announcements/preflight';
import type { AnnouncementDeps } from './deps';

export interface ConnectionPosting {
  readonly descriptor: ConnectorDescriptor | null;
  readonly ability: PostingAbility;
}

const UNAVAILABLE: PostingAbility = {
  send: false,
  edit: false,
  delete: false,
  unavailable: 'the connection has no working connector (credentials missing?)',
  maxLength: null,
};

/** What each connection's connector says it can do with announcements, and how fast. */
export async function postingOf(deps: Pick<AnnouncementDeps, 'connectorFor'>, connectionIds: Iterable<string>): Promise<Map<string, ConnectionPosting>> {
  const unique = [...new Set(connectionIds)];
  const entries = await Promise.all(
    unique.map(async (id): Promise<[string, ConnectionPosting]> => {
      const connector = await deps.connectorFor(id).catch(() => null);
      if (!connector) return [id, { descriptor: null, ability: UNAVAILABLE }];
      const descriptor = connector.describe();
      return [
        id,
        {
          descriptor,
          ability: {
            send: hasCapability(descriptor, 'announce.send'),
            edit: hasCapability(descriptor, 'announce.edit'),
            delete: hasCapability(descriptor, 'announce.delete'),
            unavailable: null,
            maxLength: descriptor.limits.maxAnnouncementLength ?? null,
          },
        },
      ];
    }),
  );
  return new Map(entries);
}
