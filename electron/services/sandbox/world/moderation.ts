import { PUBLIC_BASE_URL, type HandledByRecord } from './model';

/** Effect of one moderation call on the world. */
export type Effect = { readonly kind: 'applied' } | { readonly kind: 'already-handled'; readonly by: HandledByRecord; readonly state: string };

interface Sanction {
  readonly until: number | null;
  readonly by: HandledByRecord;
  /** For bans: how far back the person's messages were deleted with it. */
  readonly deleteHistorySeconds: number;
}

/** A warning sent to a member, about one of their messages when it names one. */
export interface Warning {
  readonly communityId: string;
  readonly personId: string;
  readonly messageId: string | null;
  readonly text: string;
  readonly by: HandledByRecord;
}

export type SanctionKind = 'ban' | 'mute';

export interface Announcement {
  readonly id: string;
  readonly communityId: string;
  readonly text: string;
  readonly postedAt: number;
  readonly url: string;
  readonly editedAt: number | null;
  readonly deletedBy: HandledByRecord | null;
}

const memberKey = (communityId: string, personId: string) => `${communityId}|${personId}`;

/** Removals, sanctions and announcements: state that is not part of a pulled feed. */
export class ModerationLedger {
  private readonly removed = new Map<string, HandledByRecord>();
  private readonly bans = new Map<string, Sanction>();
  private readonly mutes = new Map<string, Sanction>();
  private readonly announcements = new Map<string, Announcement>();
  private readonly warnings: Warning[] = [];
  private readonly lifted = { ban: 0, mute: 0 };
  private kicks = 0;

  removeMessage(messageId: string, by: HandledByRecord): Effect {
    const earlier = this.removed.get(messageId);
    if (earlier) return { kind: 'already-handled', by: earlier, state: 'removed' };
    this.removed.set(messageId, by);
    return { kind: 'applied' };
  }

  isRemoved(messageId: string): boolean {
    return this.removed.has(messageId);
  }

  kick(): Effect {
    this.kicks++;
    return { kind: 'applied' };
  }

  ban(communityId: string, personId: string, until: number | null, by: HandledByRecord, deleteHistorySeconds = 0): Effect {
    return this.sanction(this.bans, memberKey(communityId, personId), { until, by, deleteHistorySeconds }, 'banned');
  }

  mute(communityId: string, personId: string, until: number | null, by: HandledByRecord): Effect {
    return this.sanction(this.mutes, memberKey(communityId, personId), { until, by, deleteHistorySeconds: 0 }, 'muted');
  }

  /**
   * Lifts a ban or mute in force. Lifting one that is not (never set, expired, or lifted
   * already) changes nothing and says so, as platforms answer an unban of someone not banned.
   */
  lift(kind: SanctionKind, communityId: string, personId: string, at: number): Effect {
    const map = kind === 'ban' ? this.bans : this.mutes;
    const key = memberKey(communityId, personId);
    const current = map.get(key);
    if (!current || (current.until !== null && current.until <= at)) return { kind: 'already-handled', by: current?.by ?? { name: 'nobody', at }, state: `not ${kind === 'ban' ? 'banned' : 'muted'}` };
    map.delete(key);
    this.lifted[kind]++;
    return { kind: 'applied' };
  }

  /** Every warning is delivered: two warnings with different idempotency keys are two messages to the person. */
  warn(warning: Warning): Effect {
    this.warnings.push(warning);
    return { kind: 'applied' };
  }

  warningsTo(communityId: string, personId: string): readonly Warning[] {
    return this.warnings.filter((w) => w.communityId === communityId && w.personId === personId);
  }

  isMuted(communityId: string, personId: string, now: number): boolean {
    const mute = this.mutes.get(memberKey(communityId, personId));
    return mute !== undefined && (mute.until === null || mute.until > now);
  }

  /** The ban in force, with its delete-history window; null when there is none. */
  banOf(communityId: string, personId: string, now: number): { until: number | null; deleteHistorySeconds: number } | null {
    const ban = this.bans.get(memberKey(communityId, personId));
    return ban && (ban.until === null || ban.until > now) ? { until: ban.until, deleteHistorySeconds: ban.deleteHistorySeconds } : null;
  }

  isBanned(communityId: string, personId: string, now: number): boolean {
    const ban = this.bans.get(memberKey(communityId, personId));
    return ban !== undefined && (ban.until === null || ban.until > now);
  }

  /** A sanction already in force for at least as long is "already handled"; a longer one replaces it. */
  private sanction(map: Map<string, Sanction>, key: string, next: Sanction, state: string): Effect {
    const current = map.get(key);
    const active = current && (current.until === null || current.until > next.by.at);
    if (active && (current.until === null || (next.until !== null && next.until <= current.until))) {
      return { kind: 'already-handled', by: current.by, state: current.until === null ? state : `${state} until ${new Date(current.until).toISOString()}` };
    }
    map.set(key, next);
    return { kind: 'applied' };
  }

  postAnnouncement(communityId: string, text: string, at: number): Announcement {
    const id = `an_${this.announcements.size + 1}`;
    const announcement: Announcement = { id, communityId, text, postedAt: at, url: `${PUBLIC_BASE_URL}/c/${communityId}/m/${id}`, editedAt: null, deletedBy: null };
    this.announcements.set(id, announcement);
    return announcement;
  }

  /** The announcement if it exists in that community (deleted ones included). */
  announcement(communityId: string, id: string): Announcement | null {
    const found = this.announcements.get(id);
    return found && found.communityId === communityId ? found : null;
  }

  /** Every announcement posted since start, deleted ones included (`GET /_sandbox/announcements`). */
  announcementList(): readonly Announcement[] {
    return [...this.announcements.values()];
  }

  editAnnouncement(announcement: Announcement, text: string, at: number): Announcement {
    const edited = { ...announcement, text, editedAt: at };
    this.announcements.set(announcement.id, edited);
    return edited;
  }

  deleteAnnouncement(announcement: Announcement, by: HandledByRecord): Effect {
    if (announcement.deletedBy !== null) return { kind: 'already-handled', by: announcement.deletedBy, state: 'deleted' };
    this.announcements.set(announcement.id, { ...announcement, deletedBy: by });
    return { kind: 'applied' };
  }

  summary() {
    const live = [...this.announcements.values()].filter((a) => a.deletedBy === null).length;
    return {
      removedMessages: this.removed.size,
      bans: this.bans.size,
      mutes: this.mutes.size,
      kicks: this.kicks,
      announcements: live,
      warnings: this.warnings.length,
      unbans: this.lifted.ban,
      unmutes: this.lifted.mute,
    };
  }
}
