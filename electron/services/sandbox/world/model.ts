import type { CommunityKind } from '@shared/domain/community';
import type { Language } from '../text/languages';

/** The Sandbox platform's own records; `http/wire.ts` turns them into its JSON API. */

export interface SandboxCommunity {
  readonly id: string;
  readonly parentId: string | null;
  readonly name: string;
  readonly kind: CommunityKind;
  readonly language: Language;
  readonly tags: readonly string[];
  readonly memberCount: number;
  readonly url: string;
  readonly rulesUrl: string | null;
  readonly screeningQuestions: readonly string[];
  /** Announcement channels take no join requests and carry no reports. */
  readonly acceptsMembers: boolean;
}

export interface SandboxPerson {
  readonly id: string;
  readonly displayName: string;
  readonly username: string | null;
  readonly language: Language;
  readonly createdAt: number;
  readonly mutualCommunities: number;
  readonly priorDeclines: number;
  readonly priorRemovals: number;
}

export interface HandledByRecord {
  readonly name: string;
  readonly at: number;
}

export type JoinRequestStatus = 'pending' | 'approved' | 'declined' | 'withdrawn';

export interface JoinRequestRecord {
  readonly id: string;
  readonly communityId: string;
  readonly person: SandboxPerson;
  readonly requestedAt: number;
  readonly answers: readonly { readonly question: string; readonly answer: string }[];
  readonly status: JoinRequestStatus;
  readonly version: number;
  readonly handledBy: HandledByRecord | null;
}

/** A file attached to a message; its bytes are served at `/v1/media/<ref>` (world/media.ts). */
export interface SandboxAttachment {
  readonly ref: string;
  readonly kind: 'image' | 'file';
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  readonly width: number | null;
  readonly height: number | null;
}

export interface MessageRecord {
  readonly id: string;
  readonly communityId: string;
  readonly conversationId: string;
  readonly author: SandboxPerson;
  readonly body: string;
  readonly sentAt: number;
  readonly replyTo: string | null;
  /** Absent: none. */
  readonly attachments?: readonly SandboxAttachment[];
}

export type ReportResolution = 'dismissed' | 'actioned';

export interface ReportRecord {
  readonly id: string;
  readonly message: MessageRecord;
  readonly before: readonly MessageRecord[];
  readonly after: readonly MessageRecord[];
  readonly reporter: { readonly name: string } | null;
  readonly reason: string;
  readonly reportedAt: number;
  readonly status: 'open' | 'resolved';
  readonly resolution: ReportResolution | null;
  readonly version: number;
  readonly handledBy: HandledByRecord | null;
}

/** Public web address of the simulated platform; `.test` is reserved, so it never resolves. */
export const PUBLIC_BASE_URL = 'https://sandbox.modboard.test';
