import { chance, intBetween, pick, rngFor, STREAM, type Rng } from '../prng';
import { chatLine, REPORT_THEMES, type ReportTheme } from '../text/phrases';
import { backlogTime, type GeneratorContext } from './context';
import type { MessageRecord, ReportRecord, SandboxCommunity } from './model';
import { attachmentsFor } from './media';
import { chatMemberNumber, personAt, REGULARS } from './people';

/** 20 messages of context: ten before and ten after the reported one. */
export const CONTEXT_EACH_SIDE = 10;
const CONVERSATION_LENGTH = 2 * CONTEXT_EACH_SIDE + 1;
export const CAST_SIZE = 5;
/** Draws for conversation-wide facts use this slot, past the per-message ones. */
const CONVERSATION_SLOT = 31;

export const reportId = (index: number): string => `rp_${index}`;
export const messageId = (owner: number, position: number): string => `m_${owner}_${position}`;

export function parseReportId(id: string): number | null {
  const match = /^rp_(\d{1,9})$/.exec(id);
  return match ? Number(match[1]) : null;
}

export function parseMessageId(id: string): { owner: number; position: number } | null {
  const match = /^m_(\d{1,9})_(\d{1,2})$/.exec(id);
  if (!match) return null;
  const position = Number(match[2]);
  return position < CONVERSATION_LENGTH ? { owner: Number(match[1]), position } : null;
}

/**
 * Which report's conversation a report is about. Every ninth report repeats the
 * previous report's message, so the console's merging of reports per message is
 * exercised.
 */
export const messageOwner = (index: number): number => (index % 9 === 4 ? index - 1 : index);

/** What all messages of one report's conversation share. */
export interface ConversationFacts {
  readonly owner: number;
  readonly community: SandboxCommunity;
  readonly theme: ReportTheme;
  readonly reportedSentAt: number;
}

export function conversationFacts(ctx: GeneratorContext, owner: number, ownerReportedAt: number): ConversationFacts {
  const rng = rngFor(ctx.seed, STREAM.messages, owner * 32 + CONVERSATION_SLOT);
  const community = pick(rng, ctx.memberCommunities);
  const theme = pick(rng, REPORT_THEMES);
  // Early enough that the ten replies after it, 90 s apart, all precede the report.
  const reportedSentAt = ownerReportedAt - intBetween(rng, 17 * 60_000, 2 * 3_600_000);
  return { owner, community, theme, reportedSentAt };
}

function castMember(ctx: GeneratorContext, rng: Rng, owner: number, member: number) {
  const n = chance(rng, 0.2) ? intBetween(rng, 0, REGULARS - 1) : chatMemberNumber(owner * CAST_SIZE + member);
  return personAt(ctx, n);
}

/** One message of a report's conversation; position CONTEXT_EACH_SIDE is the reported one. */
export function generateMessage(ctx: GeneratorContext, facts: ConversationFacts, position: number): MessageRecord {
  const { owner, community } = facts;
  const rng = rngFor(ctx.seed, STREAM.messages, owner * 32 + position);
  const reported = position === CONTEXT_EACH_SIDE;
  const offset = position - CONTEXT_EACH_SIDE;
  let replyTo: string | null = null;
  if (offset > 0 && chance(rng, 0.4)) replyTo = messageId(owner, CONTEXT_EACH_SIDE);
  else if (position > 0 && chance(rng, 0.35)) replyTo = messageId(owner, intBetween(rng, 0, position - 1));
  const body = reported
    ? facts.theme.body(rng)
    : offset > 0 && chance(rng, 0.3)
      ? pick(rng, ['mods?', 'reported.', 'not cool', '🙄', '@admin please look at this'])
      : chatLine(rng, community.language);
  return {
    id: messageId(owner, position),
    communityId: community.id,
    conversationId: `cv_${owner}`,
    author: castMember(ctx, rng, owner, reported ? 0 : intBetween(rng, 1, CAST_SIZE - 1)),
    body,
    // Ninety seconds apart with under a minute of jitter keeps the order stable.
    sentAt: facts.reportedSentAt + offset * 90_000 + intBetween(rng, 0, 59_999),
    replyTo,
    attachments: attachmentsFor(owner, messageId(owner, position), reported ? facts.theme.reason : null),
  };
}

export const backlogReportedAt = (ctx: GeneratorContext, index: number): number =>
  backlogTime(ctx.seed, ctx.epochMs, STREAM.reports, index, ctx.reportCount);

/** A report as first raised, before anyone handles it. */
export function generateReport(ctx: GeneratorContext, index: number, reportedAtOf: (index: number) => number): ReportRecord {
  const owner = messageOwner(index);
  const facts = conversationFacts(ctx, owner, reportedAtOf(owner));
  const messages = Array.from({ length: CONVERSATION_LENGTH }, (_, p) => generateMessage(ctx, facts, p));
  const rng = rngFor(ctx.seed, STREAM.reports, index);
  const automatic = facts.theme.reason.startsWith('automatic');
  const anonymous = automatic || chance(rng, 0.1);
  return {
    id: reportId(index),
    message: messages[CONTEXT_EACH_SIDE] as MessageRecord,
    before: messages.slice(0, CONTEXT_EACH_SIDE),
    after: messages.slice(CONTEXT_EACH_SIDE + 1),
    reporter: anonymous ? null : { name: castMember(ctx, rng, owner, intBetween(rng, 1, CAST_SIZE - 1)).displayName },
    reason: facts.theme.reason,
    reportedAt: reportedAtOf(index),
    status: 'open',
    resolution: null,
    version: 1,
    handledBy: null,
  };
}
