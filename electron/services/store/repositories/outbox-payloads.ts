import { z } from 'zod';
import {
  capabilityOf,
  REPORT_RESOLUTIONS,
  type AnnouncementDelete,
  type AnnouncementEdit,
  type AnnouncementPost,
  type Capability,
  type JoinDecision,
  type ModAction,
} from '@shared/connectors';
import { assertNever } from '@shared/assert-never';

/** What an outbox row asks a platform to do; `kind` names the connector method. */
export type OutboxPush =
  | { readonly kind: 'join.decide'; readonly payload: JoinDecision }
  | { readonly kind: 'moderate'; readonly payload: ModAction }
  | { readonly kind: 'announce.send'; readonly payload: AnnouncementPost }
  | { readonly kind: 'announce.edit'; readonly payload: AnnouncementEdit }
  | { readonly kind: 'announce.delete'; readonly payload: AnnouncementDelete };

export type OutboxKind = OutboxPush['kind'];

/** Subjects whose sync state the drainer keeps up to date. Others are pushed without a local echo. */
export const OUTBOX_SUBJECT_TYPES = ['join_request', 'flag', 'announcement_delivery', 'member', 'message'] as const;
export type OutboxSubjectType = (typeof OUTBOX_SUBJECT_TYPES)[number];

const text = z.string();
const reason = z.string().nullable();
const epoch = z.number().int().nullable();

const joinDecision = z.object({
  requestExternalId: text,
  communityExternalId: text,
  version: z.string().nullable(),
  decision: z.enum(['approve', 'decline']),
  reason,
  ban: z.boolean(),
}) satisfies z.ZodType<JoinDecision>;

const modAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('removeMessage'), communityExternalId: text, messageExternalId: text, reason }),
  z.object({ type: z.literal('removeMessages'), communityExternalId: text, messageExternalIds: z.array(text), reason }),
  z.object({ type: z.literal('kick'), communityExternalId: text, personExternalId: text, reason }),
  z.object({ type: z.literal('ban'), communityExternalId: text, personExternalId: text, until: epoch, deleteHistorySeconds: z.number().int(), reason }),
  z.object({ type: z.literal('mute'), communityExternalId: text, personExternalId: text, until: epoch, reason }),
  z.object({ type: z.literal('warn'), communityExternalId: text, personExternalId: text, messageExternalId: z.string().nullable(), text }),
  z.object({ type: z.literal('unban'), communityExternalId: text, personExternalId: text }),
  z.object({ type: z.literal('unmute'), communityExternalId: text, personExternalId: text }),
  z.object({ type: z.literal('resolveReport'), reportExternalId: text, version: z.string().nullable(), resolution: z.enum(REPORT_RESOLUTIONS) }),
]) satisfies z.ZodType<ModAction>;

const post = z.object({ communityExternalId: text, text }) satisfies z.ZodType<AnnouncementPost>;
const edit = z.object({ communityExternalId: text, messageExternalId: text, text }) satisfies z.ZodType<AnnouncementEdit>;
const remove = z.object({ communityExternalId: text, messageExternalId: text }) satisfies z.ZodType<AnnouncementDelete>;

/** The payload column read back, checked against its kind (STYLE §10). */
export const outboxPushSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('join.decide'), payload: joinDecision }),
  z.object({ kind: z.literal('moderate'), payload: modAction }),
  z.object({ kind: z.literal('announce.send'), payload: post }),
  z.object({ kind: z.literal('announce.edit'), payload: edit }),
  z.object({ kind: z.literal('announce.delete'), payload: remove }),
]) satisfies z.ZodType<OutboxPush>;

/** Null when the stored row is not a push this version understands. */
export function readPush(kind: string, payload: string): OutboxPush | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return null;
  }
  const result = outboxPushSchema.safeParse({ kind, payload: parsed });
  return result.success ? result.data : null;
}

export function capabilityOfPush(push: OutboxPush): Capability {
  switch (push.kind) {
    case 'join.decide':
      return 'joinRequests.decide';
    case 'moderate':
      return capabilityOf(push.payload);
    case 'announce.send':
      return 'announce.send';
    case 'announce.edit':
      return 'announce.edit';
    case 'announce.delete':
      return 'announce.delete';
    default:
      return assertNever(push, 'outbox push');
  }
}

/** The community a push acts in, which is what platforms rate-limit per target; null when the payload does not say. */
export function communityOfPush(push: OutboxPush): string | null {
  return 'communityExternalId' in push.payload ? push.payload.communityExternalId : null;
}

/** One line for the audit log and error messages: "approve join request jr_7 in c_2". */
export function describePush(push: OutboxPush): string {
  switch (push.kind) {
    case 'join.decide': {
      const d = push.payload;
      const verb = d.decision === 'approve' ? 'approve' : d.ban ? 'decline and ban' : 'decline';
      return `${verb} join request ${d.requestExternalId} in ${d.communityExternalId}`;
    }
    case 'moderate':
      return describeAction(push.payload);
    case 'announce.send':
      return `post an announcement in ${push.payload.communityExternalId}`;
    case 'announce.edit':
      return `edit announcement ${push.payload.messageExternalId} in ${push.payload.communityExternalId}`;
    case 'announce.delete':
      return `delete announcement ${push.payload.messageExternalId} in ${push.payload.communityExternalId}`;
    default:
      return assertNever(push, 'outbox push');
  }
}

function describeAction(action: ModAction): string {
  switch (action.type) {
    case 'removeMessage':
      return `remove message ${action.messageExternalId} in ${action.communityExternalId}`;
    case 'removeMessages':
      return `remove ${action.messageExternalIds.length} messages in ${action.communityExternalId}`;
    case 'kick':
      return `remove ${action.personExternalId} from ${action.communityExternalId}`;
    case 'ban':
      return `ban ${action.personExternalId} from ${action.communityExternalId}`;
    case 'mute':
      return `mute ${action.personExternalId} in ${action.communityExternalId}`;
    case 'warn':
      return `warn ${action.personExternalId} in ${action.communityExternalId}`;
    case 'unban':
      return `lift the ban on ${action.personExternalId} in ${action.communityExternalId}`;
    case 'unmute':
      return `lift the mute on ${action.personExternalId} in ${action.communityExternalId}`;
    case 'resolveReport':
      return `mark report ${action.reportExternalId} ${action.resolution}`;
    default:
      return assertNever(action, 'moderation action');
  }
}
