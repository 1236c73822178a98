import type { Connector, Outcome, PushOptions } from '@shared/connectors';
import { assertNever } from '@shared/assert-never';
import type { OutboxPush } from '../store/repositories/outbox-payloads';

/** Sends one outbox push with the connector method its kind names. */
export function sendPush(connector: Connector, push: OutboxPush, options: PushOptions): Promise<Outcome> {
  switch (push.kind) {
    case 'join.decide':
      return connector.decideJoinRequest(push.payload, options);
    case 'moderate':
      return connector.moderate(push.payload, options);
    case 'announce.send':
      return connector.sendAnnouncement(push.payload, options);
    case 'announce.edit':
      return connector.editAnnouncement(push.payload, options);
    case 'announce.delete':
      return connector.deleteAnnouncement(push.payload, options);
    default:
      return assertNever(push, 'outbox push');
  }
}
