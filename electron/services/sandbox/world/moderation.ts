import { PUBLIC_BASE_URL, type HandledByRecord } from './model';

/** Effect of one moderation call on the world. */
export type Effect = { readonly kind: 'applied' } | { readonly kind: 'already-handled'; readonly by: HandledByRecord; readonly state: string };

interface Sanction {
  readonly until: number | null;
  readonly by: HandledByRecord;
}

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

  ban(communityId: string, personId: string, until: number | null, by: HandledByRecord): Effect {
    return this.sanction(this.bans, memberKey(communityId, personId), until, by, 'banned');
  }

  mute(communityId: string, personId: string, until: number | null, by: HandledByRecord): Effect {
    return this.sanction(this.mutes, memberKey(communityId, personId), until, by, 'muted');
  }

  isBanned(communityId: string, personId: string, now: number): boolean {
    const ban = this.bans.get(memberKey(communityId, personId));
    return ban !== undefined && (ban.until === null || ban.until > now);
  }

  /** A sanction already in force for at least as long is "already handled"; a longer one replaces it. */
  private sanction(map: Map<string, Sanction>, key: string, until: number | null, by: HandledByRecord, state: string): Effect {
    const current = map.get(key);
    const active = current && (current.until === null || current.until > by.at);
    if (active && (current.until === null || (until !== null && until <= current.until))) {
      return { kind: 'already-handled', by: current.by, state: current.until === null ? state : `${state} until ${new Date(current.until).toISOString()}` };
    }
    map.set(key, { until, by });
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
    return { removedMessages: this.removed.size, bans: this.bans.size, mutes: this.mutes.size, kicks: this.kicks, announcements: live };
  }
}
