import type { MessageRecord } from './model';

/**
 * The world's ordinary traffic as one append-only feed of units: first each backlog
 * report's conversation (21 messages, in report order; a report that repeats an
 * earlier report's message has none of its own), then, in the order they happened,
 * the conversations of reports added later and the chatter members post. Messages
 * never change once posted, so a position (unit, message within it) is all a cursor
 * needs: a pull from the end returns exactly what was posted since. Removed messages
 * are left out, as a platform's history no longer shows them.
 */
export type MessageUnit = { readonly kind: 'conversation'; readonly owner: number } | { readonly kind: 'post'; readonly message: MessageRecord };

export interface MessageSource {
  readonly id: string;
  /** The messages of the conversation owned by report `owner`, or none when it owns none. */
  conversation(owner: number): readonly MessageRecord[];
  isRemoved(messageId: string): boolean;
}

export interface MessagePage {
  readonly items: readonly MessageRecord[];
  readonly next: string;
  readonly complete: boolean;
  readonly total: number;
}

interface Position {
  readonly unit: number;
  readonly offset: number;
}

export class MessageFeed {
  private readonly appended: MessageUnit[] = [];
  private appendedMessages = 0;

  constructor(
    private readonly source: MessageSource,
    private readonly backlogConversations: number,
    private readonly backlogMessages: number,
    private readonly conversationLength: number,
  ) {}

  get size(): number {
    return this.backlogConversations + this.appended.length;
  }

  /** How many messages the feed holds (removed ones included). */
  get total(): number {
    return this.backlogMessages + this.appendedMessages;
  }

  append(unit: MessageUnit): void {
    this.appended.push(unit);
    this.appendedMessages += unit.kind === 'post' ? 1 : this.conversationLength;
  }

  private unitMessages(unit: number): readonly MessageRecord[] {
    if (unit < this.backlogConversations) return this.source.conversation(unit);
    const appended = this.appended[unit - this.backlogConversations];
    if (!appended) return [];
    return appended.kind === 'post' ? [appended.message] : this.source.conversation(appended.owner);
  }

  page(cursor: string | null, limit: number): MessagePage | { readonly reason: 'malformed' | 'expired' } {
    const start = this.decode(cursor);
    if ('reason' in start) return start;
    const items: MessageRecord[] = [];
    let { unit, offset } = start;
    // Empty units (reports without a conversation of their own) cost nothing; bound the walk anyway.
    for (let scanned = 0; unit < this.size && items.length < limit && scanned < limit * 4; scanned++) {
      const messages = this.unitMessages(unit);
      const room = limit - items.length;
      const slice = messages.slice(offset, offset + room);
      items.push(...slice.filter((m) => !this.source.isRemoved(m.id)));
      if (offset + slice.length < messages.length) offset += slice.length;
      else {
        unit++;
        offset = 0;
      }
    }
    return { items, next: this.encode({ unit, offset }), complete: unit >= this.size, total: this.total };
  }

  private encode(position: Position): string {
    return Buffer.from(`${this.source.id}.m.${position.unit}.${position.offset}`).toString('base64url');
  }

  /** Cursors carry the world's id: one from an earlier world or a reset is refused, never misread. */
  private decode(cursor: string | null): Position | { readonly reason: 'malformed' | 'expired' } {
    if (cursor === null || cursor === '') return { unit: 0, offset: 0 };
    const [world, tag, unitText, offsetText, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('.');
    const unit = Number(unitText);
    const offset = Number(offsetText);
    if (tag !== 'm' || rest.length > 0 || !Number.isSafeInteger(unit) || !Number.isSafeInteger(offset) || unit < 0 || offset < 0) return { reason: 'malformed' };
    if (world !== this.source.id) return { reason: 'expired' };
    if (unit > this.size || offset >= Math.max(1, this.conversationLength)) return { reason: 'malformed' };
    return { unit, offset };
  }
}
