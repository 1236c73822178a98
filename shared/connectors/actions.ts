import { assertNever } from '../assert-never';
import type { Capability } from './capabilities';

/**
 * What the console pushes to a platform. Every push also carries a core-made
 * idempotency key (see `PushOptions`), so a retry is recognisably the same action.
 */

export interface JoinDecision {
  readonly requestExternalId: string;
  readonly communityExternalId: string;
  /** The version the moderator saw; a platform that tracks versions refuses a stale one. */
  readonly version: string | null;
  readonly decision: 'approve' | 'decline';
  readonly reason: string | null;
  /** Decline and also ban the person from the community. */
  readonly ban: boolean;
}

export const REPORT_RESOLUTIONS = ['dismissed', 'actioned'] as const;
export type ReportResolution = (typeof REPORT_RESOLUTIONS)[number];

/** A moderation action. Times are epoch ms; `until: null` means indefinitely. */
export type ModAction =
  | {
      readonly type: 'removeMessage';
      readonly communityExternalId: string;
      readonly messageExternalId: string;
      readonly reason: string | null;
    }
  | {
      readonly type: 'removeMessages';
      readonly communityExternalId: string;
      readonly messageExternalIds: readonly string[];
      readonly reason: string | null;
    }
  | {
      readonly type: 'kick';
      readonly communityExternalId: string;
      readonly personExternalId: string;
      readonly reason: string | null;
    }
  | {
      readonly type: 'ban';
      readonly communityExternalId: string;
      readonly personExternalId: string;
      readonly until: number | null;
      readonly deleteHistorySeconds: number;
      readonly reason: string | null;
    }
  | {
      readonly type: 'mute';
      readonly communityExternalId: string;
      readonly personExternalId: string;
      readonly until: number | null;
      readonly reason: string | null;
    }
  | {
      /** A warning to the person, tied to the message it is about when there is one. */
      readonly type: 'warn';
      readonly communityExternalId: string;
      readonly personExternalId: string;
      readonly messageExternalId: string | null;
      readonly text: string;
    }
  | {
      /** Lifts a ban (an undo after the ban reached the platform). */
      readonly type: 'unban';
      readonly communityExternalId: string;
      readonly personExternalId: string;
    }
  | {
      /** Lifts a mute. */
      readonly type: 'unmute';
      readonly communityExternalId: string;
      readonly personExternalId: string;
    }
  | {
      readonly type: 'resolveReport';
      readonly reportExternalId: string;
      readonly version: string | null;
      readonly resolution: ReportResolution;
    };

export type ModActionType = ModAction['type'];

export interface AnnouncementPost {
  readonly communityExternalId: string;
  readonly text: string;
}

export interface AnnouncementEdit {
  readonly communityExternalId: string;
  readonly messageExternalId: string;
  readonly text: string;
}

export interface AnnouncementDelete {
  readonly communityExternalId: string;
  readonly messageExternalId: string;
}

/** The capability a moderation action needs, so callers can check it and find its rate hints. */
export function capabilityOf(action: ModAction): Capability {
  switch (action.type) {
    case 'removeMessage':
      return 'message.remove';
    case 'removeMessages':
      return 'message.removeBulk';
    case 'kick':
      return 'member.kick';
    case 'ban':
      return action.until === null ? 'member.ban' : 'member.banTimed';
    case 'mute':
      return action.until === null ? 'member.mute' : 'member.muteTimed';
    case 'warn':
      return 'member.warn';
    case 'unban':
      return 'member.unban';
    case 'unmute':
      return 'member.unmute';
    case 'resolveReport':
      return 'reports.resolve';
    default:
      return assertNever(action, 'moderation action');
  }
}
