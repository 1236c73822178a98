import { mix, pick, rngFor, seedFrom, STREAM } from '../prng';
import { OTHER_ADMINS } from '../text/names';
import { generateChatter, parseChatterId, postOf } from './chatter';
import { createGeneratorContext, type GeneratorContext } from './context';
import { FeedStore } from './feed-store';
import { backlogRequestedAt, generateJoinRequest, parseJoinRequestId } from './join-requests';
import { MessageFeed, type MessageSource } from './message-feed';
import type { HandledByRecord, JoinRequestRecord, MessageRecord, ReportRecord, ReportResolution, SandboxCommunity } from './model';
import { ModerationLedger } from './moderation';
import { parsePersonId, personAt } from './people';
import { backlogReportedAt, CONTEXT_EACH_SIDE, conversationFacts, generateMessage, generateReport, messageOwner, parseMessageId, parseReportId } from './reports';
import { TrickleSchedule, type TrickleEvent, type TrickleRates } from './trickle';

export interface WorldOptions {
  readonly seed: number | string;
  /** Pending join requests in the backlog (and, through reports, the scale of messages). */
  readonly volume: number;
  /** Open reports in the backlog; about 15% of volume when not given. */
  readonly reports?: number;
  /** Backlog times lie in the two weeks before this instant. */
  readonly epochMs: number;
  /** When the trickle starts counting. */
  readonly startedAt: number;
  /** Counts resets of one platform, so even two worlds made in the same millisecond have different ids. */
  readonly generation?: number;
  readonly trickle: TrickleRates;
  /** Share of people whose name is a hostile or edge-case string. */
  readonly hostileNameRate?: number;
}

export type Feed = 'joinRequests' | 'reports';

/** Explicit "another admin" calls draw from ordinals the trickle never reaches. */
const OTHER_ADMIN_CALLS = 1_000_000_000;

export const MAX_VOLUME = 1_000_000;
export const defaultReportCount = (volume: number): number => Math.round(volume * 0.15);

const CONVERSATION_LENGTH = 2 * CONTEXT_EACH_SIDE + 1;
/** Reports below `count` that own a conversation (every ninth repeats the one before: see messageOwner). */
const conversationOwnersBelow = (count: number): number => count - Math.floor((count + 4) / 9);

/** A message a member posts now (a test, or `POST /_sandbox/messages`). */
export interface PostInput {
  readonly communityId: string;
  readonly personId: string;
  readonly body: string;
}

/** The result of a decision against the world's rules, before it becomes HTTP. */
export type Verdict<R> =
  | { readonly kind: 'applied'; readonly item: R }
  | { readonly kind: 'already-handled'; readonly item: R }
  | { readonly kind: 'stale-version'; readonly item: R };

/**
 * The simulated platform's state: a generated backlog plus the changes made to it
 * since start. A million-item world costs the memory of its changes only.
 */
export class SandboxWorld implements MessageSource {
  readonly id: string;
  readonly seed: number;
  readonly ctx: GeneratorContext;
  readonly joinRequests: FeedStore<JoinRequestRecord>;
  readonly reports: FeedStore<ReportRecord>;
  readonly moderation = new ModerationLedger();
  readonly messages: MessageFeed;
  /** Chatter posted since start, by ordinal (`mc_<ordinal>`). */
  private readonly posts: MessageRecord[] = [];
  private readonly trickle: TrickleSchedule;
  private lastSeq = 0;
  private otherAdminCalls = 0;

  constructor(readonly options: WorldOptions) {
    if (!(options.volume >= 0 && options.volume <= MAX_VOLUME)) throw new RangeError(`volume must be 0..${MAX_VOLUME}`);
    this.seed = seedFrom(options.seed);
    const reportCount = Math.min(MAX_VOLUME, options.reports ?? defaultReportCount(options.volume));
    this.ctx = createGeneratorContext({
      seed: this.seed,
      epochMs: options.epochMs,
      volume: options.volume,
      reportCount,
      hostileNameRate: options.hostileNameRate ?? 0.03,
    });
    // Tied to the instant of creation and the reset count, so cursors from an earlier run or a reset are refused.
    this.id = mix(this.seed, options.volume, options.epochMs, options.startedAt, options.startedAt / 2 ** 32, reportCount, options.generation ?? 0).toString(36);
    this.joinRequests = new FeedStore(
      this,
      options.volume,
      (index) => backlogRequestedAt(this.ctx, index),
      (index, at) => generateJoinRequest(this.ctx, index, at),
      (item) => item.status === 'pending',
    );
    this.reports = new FeedStore(
      this,
      reportCount,
      (index) => backlogReportedAt(this.ctx, index),
      (index) => generateReport(this.ctx, index, (i) => this.reports.createdAt(i)),
      (item) => item.status === 'open',
    );
    this.messages = new MessageFeed(this, reportCount, conversationOwnersBelow(reportCount) * CONVERSATION_LENGTH, CONVERSATION_LENGTH);
    this.trickle = new TrickleSchedule(this.seed, options.startedAt, options.trickle);
  }

  get seq(): number {
    return this.lastSeq;
  }

  nextSeq(): number {
    return ++this.lastSeq;
  }

  get communities(): readonly SandboxCommunity[] {
    return this.ctx.communities;
  }

  community(id: string): SandboxCommunity | null {
    return this.ctx.byId.get(id) ?? null;
  }

  joinRequestIndex(id: string): number | null {
    const index = parseJoinRequestId(id);
    return index !== null && this.joinRequests.has(index) ? index : null;
  }

  reportIndex(id: string): number | null {
    const index = parseReportId(id);
    return index !== null && this.reports.has(index) ? index : null;
  }

  message(id: string): MessageRecord | null {
    const chatter = parseChatterId(id);
    if (chatter !== null) return this.posts[chatter] ?? null;
    const parsed = parseMessageId(id);
    if (!parsed || !this.reports.has(parsed.owner) || messageOwner(parsed.owner) !== parsed.owner) return null;
    const facts = conversationFacts(this.ctx, parsed.owner, this.reports.createdAt(parsed.owner));
    return generateMessage(this.ctx, facts, parsed.position);
  }

  conversation(owner: number): readonly MessageRecord[] {
    if (!this.reports.has(owner) || messageOwner(owner) !== owner) return [];
    const facts = conversationFacts(this.ctx, owner, this.reports.createdAt(owner));
    return Array.from({ length: CONVERSATION_LENGTH }, (_, position) => generateMessage(this.ctx, facts, position));
  }

  isRemoved(messageId: string): boolean {
    return this.moderation.isRemoved(messageId);
  }

  /** A member posts `body` now; null when the community takes no members or the person id is not one. */
  postMessage(input: PostInput, at: number): MessageRecord | null {
    const community = this.community(input.communityId);
    const person = parsePersonId(input.personId);
    if (!community?.acceptsMembers || person === null) return null;
    return this.post(postOf(this.posts.length, community, personAt(this.ctx, person), input.body, at));
  }

  private post(message: MessageRecord): MessageRecord {
    this.posts.push(message);
    this.messages.append({ kind: 'post', message });
    return message;
  }

  personExists(id: string): boolean {
    return parsePersonId(id) !== null;
  }

  decideJoinRequest(index: number, decision: 'approve' | 'decline', expectedVersion: number | null, by: HandledByRecord): Verdict<JoinRequestRecord> {
    const item = this.joinRequests.get(index);
    if (item.status !== 'pending') return { kind: 'already-handled', item };
    if (expectedVersion !== null && expectedVersion !== item.version) return { kind: 'stale-version', item };
    const status = decision === 'approve' ? 'approved' : 'declined';
    return { kind: 'applied', item: this.joinRequests.update(index, { status, handledBy: by }) };
  }

  resolveReport(index: number, resolution: ReportResolution, expectedVersion: number | null, by: HandledByRecord): Verdict<ReportRecord> {
    const item = this.reports.get(index);
    if (item.status !== 'open') return { kind: 'already-handled', item };
    if (expectedVersion !== null && expectedVersion !== item.version) return { kind: 'stale-version', item };
    return { kind: 'applied', item: this.reports.update(index, { status: 'resolved', resolution, handledBy: by }) };
  }

  /**
   * Another admin of the same community handles an open item first, as happens in
   * shared communities. False when it was no longer open.
   */
  handleElsewhere(feed: Feed, index: number, at: number): boolean {
    return this.otherAdminHandles(feed, index, at, OTHER_ADMIN_CALLS + this.otherAdminCalls++);
  }

  /** The ordinal picks the admin and their choice, so trickle events replay identically. */
  private otherAdminHandles(feed: Feed, index: number, at: number, ordinal: number): boolean {
    const rng = rngFor(this.seed, STREAM.otherAdmins, ordinal);
    const by = { name: pick(rng, OTHER_ADMINS), at };
    if (feed === 'joinRequests') return this.decideJoinRequest(index, rng() < 0.6 ? 'approve' : 'decline', null, by).kind === 'applied';
    return this.resolveReport(index, rng() < 0.5 ? 'dismissed' : 'actioned', null, by).kind === 'applied';
  }

  addJoinRequests(count: number, at: number): void {
    for (let i = 0; i < count; i++) this.joinRequests.add(at);
  }

  addReports(count: number, at: number): void {
    for (let i = 0; i < count; i++) this.addReport(at);
  }

  /** A new report; when it owns its conversation, that conversation joins the message feed. */
  private addReport(at: number): void {
    const index = this.reports.add(at);
    if (messageOwner(index) === index) this.messages.append({ kind: 'conversation', owner: index });
  }

  /** Members chat: `count` generated messages posted now. */
  addChatter(count: number, at: number): void {
    for (let i = 0; i < count; i++) this.post(generateChatter(this.ctx, this.posts.length, at));
  }

  /** Plays the trickle up to `now`; called before every API request is served. */
  advanceTo(now: number): void {
    for (const event of this.trickle.due(now)) this.apply(event);
  }

  private apply(event: TrickleEvent): void {
    switch (event.kind) {
      case 'joinRequestsPerMinute':
        return void this.joinRequests.add(event.at);
      case 'reportsPerMinute':
        return this.addReport(event.at);
      case 'messagesPerMinute':
        return this.addChatter(1, event.at);
      case 'handledElsewherePerMinute':
      case 'withdrawalsPerMinute': {
        const size = this.joinRequests.size;
        if (size === 0) return;
        const index = mix(this.seed, STREAM.trickle, event.ordinal, event.kind.length) % size;
        if (event.kind === 'handledElsewherePerMinute') return void this.otherAdminHandles('joinRequests', index, event.at, event.ordinal);
        if (this.joinRequests.get(index).status === 'pending') this.joinRequests.update(index, { status: 'withdrawn' });
        return;
      }
    }
  }

  summary() {
    return {
      worldId: this.id,
      seed: this.seed,
      volume: this.options.volume,
      communities: this.communities.length,
      joinRequests: { total: this.joinRequests.size, pending: this.joinRequests.openCount, changed: this.joinRequests.changedCount },
      reports: { total: this.reports.size, open: this.reports.openCount, changed: this.reports.changedCount },
      messagesPerReport: CONVERSATION_LENGTH,
      messages: { total: this.messages.total, posted: this.posts.length },
      moderation: this.moderation.summary(),
      seq: this.lastSeq,
    };
  }
}
