import { z } from 'zod';
import {
  ANNOUNCEMENT_STATUSES,
  DELIVERY_STATES,
  announcementContentSchema,
  languageTagSchema,
  targetSpecSchema,
  type AnnouncementDetail,
  type AnnouncementPreview,
  type AnnouncementRow,
  type CommunityProfile,
  type DeliveryCounts,
  type DeliveryRow,
  type FollowUpResult,
  type SendResult,
  type TargetCandidate,
  type TargetList,
} from '../domain/announcements';
import { fieldNameSchema } from '../announcements/placeholders';
import { windowRequestSchema, type RowWindow } from '../table/window';
import { call } from './define';

const id = z.string().min(1).max(64);
const epoch = z.number().int().min(0).max(8_640_000_000_000_000);

export const ANNOUNCEMENT_SORT_COLUMNS = ['updatedAt', 'title', 'status'] as const;
export const announcementWindowSchema = windowRequestSchema(
  ANNOUNCEMENT_SORT_COLUMNS,
  z.object({ status: z.enum(ANNOUNCEMENT_STATUSES).optional() }).strict(),
);

export const DELIVERY_SORT_COLUMNS = ['community', 'state', 'updatedAt'] as const;
export const deliveryWindowSchema = windowRequestSchema(
  DELIVERY_SORT_COLUMNS,
  z.object({ announcementId: id, state: z.enum(DELIVERY_STATES).optional() }).strict(),
);

const draftSchema = z
  .object({
    id,
    title: z.string().max(200),
    ...announcementContentSchema.shape,
    targets: targetSpecSchema,
  })
  .strict();

const profileSchema = z
  .object({
    id,
    languageOverride: languageTagSchema.nullable(),
    userTags: z.array(z.string().trim().min(1).max(200)).max(100),
    fields: z.record(fieldNameSchema, z.string().max(8_000)).refine((f) => Object.keys(f).length <= 100, 'At most 100 fields'),
  })
  .strict();

/**
 * The announcement desk (issue 6): drafts, targets, preview and preflight, the send
 * job with its receipts, and edits or deletes after sending. The community profile
 * calls set what placeholders read: custom fields, user tags and a language.
 */
export const announcementCalls = {
  'announcements.window': call(announcementWindowSchema).returns<RowWindow<AnnouncementRow>>(),
  'announcements.get': call(z.object({ id }).strict()).returns<AnnouncementDetail>(),
  'announcements.create': call(z.object({ title: z.string().max(200).default('') }).strict()).returns<AnnouncementDetail>(),
  /** Autosave of a draft; anything past draft is refused as `conflict`. */
  'announcements.saveDraft': call(draftSchema).returns<AnnouncementDetail>(),
  'announcements.discardDraft': call(z.object({ id }).strict()).returns<{ readonly deleted: boolean }>(),
  /** A new draft with the same text and targets (after a cancel, say). */
  'announcements.duplicate': call(z.object({ id }).strict()).returns<AnnouncementDetail>(),
  /** Every target of `targets` with its exact text and preflight status, as of `at` (default now). */
  'announcements.preview': call(
    z.object({ content: announcementContentSchema, targets: targetSpecSchema, at: epoch.optional() }).strict(),
  ).returns<AnnouncementPreview>(),
  /** The same for an edit everywhere of a sent announcement: its delivered targets with the new text. */
  'announcements.previewEdit': call(z.object({ id, content: announcementContentSchema }).strict()).returns<AnnouncementPreview>(),
  /**
   * Sends the saved draft now, or at `at`. Refused unless every target passes preflight,
   * `expectedTargets` still matches, and a send over the confirmation threshold carries
   * the target count typed back in `confirmation`.
   */
  'announcements.send': call(
    z
      .object({ id, at: epoch.nullable().default(null), expectedTargets: z.number().int().min(1), confirmation: z.string().max(20).optional() })
      .strict(),
  ).returns<SendResult>(),
  /** Stops what has not left: queued targets are not sent. Nothing left yet: back to draft. */
  'announcements.cancel': call(z.object({ id }).strict()).returns<{ readonly cancelled: number; readonly backToDraft: boolean }>(),
  /** Failed targets (or the given ones) go back to the queue. */
  'announcements.retry': call(z.object({ id, deliveryIds: z.array(id).min(1).max(10_000).optional() }).strict()).returns<{
    readonly retried: number;
  }>(),
  'announcements.edit': call(z.object({ id, content: announcementContentSchema }).strict()).returns<FollowUpResult>(),
  'announcements.delete': call(z.object({ id }).strict()).returns<FollowUpResult>(),
  'announcements.receipts': call(deliveryWindowSchema).returns<RowWindow<DeliveryRow>>(),
  'announcements.progress': call(z.object({ id }).strict()).returns<DeliveryCounts>(),
  'announcements.targetCandidates': call(z.object({}).strict()).returns<readonly TargetCandidate[]>(),
  'announcements.targetLists': call(z.object({}).strict()).returns<readonly TargetList[]>(),
  'announcements.saveTargetList': call(
    z.object({ id: id.optional(), name: z.string().trim().min(1).max(80), targets: targetSpecSchema }).strict(),
  ).returns<TargetList>(),
  'announcements.deleteTargetList': call(z.object({ id }).strict()).returns<{ readonly deleted: boolean }>(),
  'communities.profile': call(z.object({ id }).strict()).returns<CommunityProfile>(),
  'communities.saveProfile': call(profileSchema).returns<CommunityProfile>(),
  /** Custom field names every community can fill in, in the order they were defined. */
  'communities.fields': call(z.object({}).strict()).returns<readonly string[]>(),
  'communities.defineField': call(z.object({ name: fieldNameSchema }).strict()).returns<readonly string[]>(),
  'communities.removeField': call(z.object({ name: fieldNameSchema }).strict()).returns<readonly string[]>(),
} as const;
