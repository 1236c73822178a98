import { chance, intBetween, pick, rngFor, STREAM } from '../prng';
import { chatLine, REPORT_THEMES } from '../text/phrases';
import type { GeneratorContext } from './context';
import type { MessageRecord, SandboxCommunity, SandboxPerson } from './model';
import { chatMemberNumber, personAt, REGULARS } from './people';
import { CAST_SIZE } from './reports';

/**
 * Ordinary traffic outside any report's conversation: what members post while the
 * Sandbox runs (the trickle, or a test posting a given text). Ids `mc_<ordinal>`;
 * each community's chatter is one conversation, its main channel.
 */
export const chatterId = (ordinal: number): string => `mc_${ordinal}`;
export const channelOf = (communityId: string): string => `ch_${communityId}`;

export function parseChatterId(id: string): number | null {
  const match = /^mc_(\d{1,9})$/.exec(id);
  return match ? Number(match[1]) : null;
}

/** One in twenty-five lines is the kind of thing moderators look for (spam, scam links, abuse). */
const SPAM_RATE = 0.04;

/** Chatter number `ordinal`, posted at `at`: drawn from its own stream so other items keep their values. */
export function generateChatter(ctx: GeneratorContext, ordinal: number, at: number): MessageRecord {
  const rng = rngFor(ctx.seed, STREAM.chatter, ordinal);
  const community = pick(rng, ctx.memberCommunities);
  // Regulars, or people from the reports' conversations: the same members talk everywhere.
  const author = personAt(ctx, chance(rng, 0.3) ? intBetween(rng, 0, REGULARS - 1) : chatMemberNumber(intBetween(rng, 0, Math.max(0, ctx.reportCount * CAST_SIZE - 1))));
  const body = chance(rng, SPAM_RATE) ? pick(rng, REPORT_THEMES).body(rng) : chatLine(rng, community.language);
  return postOf(ordinal, community, author, body, at);
}

export const postOf = (ordinal: number, community: SandboxCommunity, author: SandboxPerson, body: string, at: number): MessageRecord => ({
  id: chatterId(ordinal),
  communityId: community.id,
  conversationId: channelOf(community.id),
  author,
  body,
  sentAt: at,
  replyTo: null,
});
