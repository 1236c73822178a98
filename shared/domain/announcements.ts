import { z } from 'zod';
import { CONNECTION_KINDS, type ConnectionKind, type ConnectionState } from './connection';
import type { CommunityKind } from './community';

/** As the `announcements.status` CHECK lists them. */
export const ANNOUNCEMENT_STATUSES = ['draft', 'scheduled', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type AnnouncementStatus = (typeof ANNOUNCEMENT_STATUSES)[number];

/**
 * Where one target stands, as the receipts show it: the stored delivery state, with
 * `sending` while its push is on the wire and `queued` while a retry, edit or delete waits.
 */
export const DELIVERY_STATES = ['queued', 'sending', 'sent', 'failed', 'cancelled', 'edited', 'deleted'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** Which push a receipt's state is about. */
export const DELIVERY_ACTIONS = ['send', 'edit', 'delete'] as const;
export type DeliveryAction = (typeof DELIVERY_ACTIONS)[number];

const id = z.string().min(1).max(64);
const ids = z.array(id).max(10_000);
const MAX_TEXT = 64_000;

/** A language tag as communities carry it: `en`, `pt-BR`, `zh-Hant`. */
export const languageTagSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, 'Use a language tag such as en, pt-BR or zh-Hant');

/** Per-language bodies keyed by language tag, used where a community's language matches. */
export const variantsSchema = z.record(languageTagSchema, z.string().max(MAX_TEXT)).refine((v) => Object.keys(v).length <= 50, 'At most 50 variants');
export type Variants = z.infer<typeof variantsSchema>;

/**
 * Who an announcement goes to: the union of every rule, minus `excluded`. `trees` are
 * communities taken with all their sub-groups; `searches` match community names.
 */
export const targetSpecSchema = z
  .object({
    trees: ids.default([]),
    tags: z.array(z.string().trim().min(1).max(200)).max(500).default([]),
    platforms: z.array(z.enum(CONNECTION_KINDS)).max(CONNECTION_KINDS.length).default([]),
    searches: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    communities: ids.default([]),
    /** Saved target lists, resolved when the announcement is previewed or sent. */
    lists: ids.default([]),
    excluded: ids.default([]),
  })
  .strict();
export type TargetSpec = z.infer<typeof targetSpecSchema>;
export const EMPTY_TARGETS: TargetSpec = targetSpecSchema.parse({});

export const announcementContentSchema = z
  .object({
    body: z.string().max(MAX_TEXT),
    variants: variantsSchema,
  })
  .strict();
export type AnnouncementContent = z.infer<typeof announcementContentSchema>;

/** A row of the announcements list. */
export interface AnnouncementRow {
  readonly id: string;
  readonly title: string;
  readonly status: AnnouncementStatus;
  readonly scheduledAt: number | null;
  readonly deliveries: number;
  readonly sent: number;
  readonly failed: number;
  readonly updatedAt: number;
}

export interface AnnouncementDetail {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly variants: Variants;
  readonly targets: TargetSpec;
  readonly status: AnnouncementStatus;
  readonly scheduledAt: number | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** Why a target cannot receive the announcement as it stands. */
export type PreflightProblem =
  | { readonly kind: 'missing-value'; readonly placeholders: readonly string[] }
  | { readonly kind: 'unknown-placeholder'; readonly placeholders: readonly string[] }
  | { readonly kind: 'empty' }
  | { readonly kind: 'too-long'; readonly length: number; readonly limit: number }
  | { readonly kind: 'cannot-post'; readonly reason: string }
  | { readonly kind: 'connection-paused'; readonly state: ConnectionState }
  | { readonly kind: 'quiet-hours'; readonly window: string; readonly endsAt: number | null }
  | { readonly kind: 'invalid-quiet-hours'; readonly value: string };

export type PreflightStatus = 'ready' | 'problem' | 'excluded';

/** One target in the preview: the exact text it would get, and whether it can. */
export interface PreviewRow {
  readonly communityId: string;
  readonly communityName: string;
  readonly depth: number;
  readonly platform: ConnectionKind;
  readonly connectionName: string;
  readonly language: string | null;
  /** `default`, or the language tag of the variant used. */
  readonly variant: string;
  readonly text: string;
  readonly length: number;
  readonly limit: number | null;
  readonly memberCount: number;
  readonly status: PreflightStatus;
  readonly problems: readonly PreflightProblem[];
}

export interface AnnouncementPreview {
  readonly rows: readonly PreviewRow[];
  /** Targets that would be sent to (not excluded). */
  readonly count: number;
  /** Sum of the members of those targets. */
  readonly reach: number;
  readonly ready: number;
  readonly problems: number;
  readonly excluded: number;
  readonly distinctTexts: number;
  /** From each connection's rate limits; connections send side by side. */
  readonly estimatedMs: number;
  /** Targets above which the send needs a typed confirmation. */
  readonly confirmOver: number;
}

/** One target's receipt. */
export interface DeliveryRow {
  readonly id: string;
  readonly communityId: string;
  readonly communityName: string;
  readonly platform: ConnectionKind;
  readonly connectionName: string;
  readonly state: DeliveryState;
  readonly action: DeliveryAction;
  readonly text: string;
  readonly messageId: string | null;
  readonly url: string | null;
  readonly error: string | null;
  readonly attempts: number;
  /** When a queued push may go next (a schedule, a Retry-After, a backoff). */
  readonly notBefore: number | null;
  readonly updatedAt: number;
}

export type DeliveryCounts = Readonly<Record<DeliveryState, number>> & { readonly total: number };

export interface SendResult {
  readonly status: Extract<AnnouncementStatus, 'scheduled' | 'sending'>;
  readonly targets: number;
  readonly scheduledAt: number | null;
}

/** What an edit or delete everywhere queued, and where it could not. */
export interface FollowUpResult {
  readonly queued: number;
  readonly skipped: readonly { readonly communityName: string; readonly reason: string }[];
}

/** A community as the target picker offers it. */
export interface TargetCandidate {
  readonly id: string;
  readonly name: string;
  readonly kind: CommunityKind;
  readonly parentId: string | null;
  readonly depth: number;
  readonly platform: ConnectionKind;
  readonly connectionName: string;
  readonly memberCount: number;
  readonly tags: readonly string[];
  readonly language: string | null;
}

export interface TargetList {
  readonly id: string;
  readonly name: string;
  readonly targets: TargetSpec;
}

/** What the user sets on a community for announcements; the platform's own values stay beside them. */
export interface CommunityProfile {
  readonly id: string;
  readonly name: string;
  readonly platformLanguage: string | null;
  /** The user's choice, or null to follow the platform. */
  readonly languageOverride: string | null;
  readonly platformTags: readonly string[];
  readonly userTags: readonly string[];
  readonly fields: Readonly<Record<string, string>>;
}
