import { chance, intBetween, pick, rngFor, STREAM } from '../prng';
import { linkText, normalAnswer, raidAnswer, spamText } from '../text/phrases';
import { backlogTime, type GeneratorContext } from './context';
import type { JoinRequestRecord } from './model';
import { applicantNumber, personAt, REGULARS } from './people';

export const joinRequestId = (index: number): string => `jr_${index}`;

export function parseJoinRequestId(id: string): number | null {
  const match = /^jr_(\d{1,9})$/.exec(id);
  return match ? Number(match[1]) : null;
}

/** When a backlog request (index below volume) was made: older indices are older. */
export function backlogRequestedAt(ctx: GeneratorContext, index: number): number {
  const ordinal = ctx.raidOrdinal(index);
  if (ordinal !== null && ctx.raid) return ctx.raid.startsAt + ordinal * 2_500;
  return backlogTime(ctx.seed, ctx.epochMs, STREAM.joinRequests, index, ctx.volume);
}

/**
 * A join request as first made, before any decision. Pure in (seed, index), so a
 * page of a million-item queue costs only its own items.
 */
export function generateJoinRequest(ctx: GeneratorContext, index: number, requestedAt: number): JoinRequestRecord {
  const rng = rngFor(ctx.seed, STREAM.joinRequests, index);
  const raidOrdinal = ctx.raidOrdinal(index);
  const community = raidOrdinal !== null && ctx.raid ? ctx.raid.community : pick(rng, ctx.memberCommunities);
  // Some regulars ask to join many groups on the same day.
  const personNumber = raidOrdinal === null && chance(rng, 0.15) ? intBetween(rng, 0, REGULARS - 1) : applicantNumber(index);
  const spam = raidOrdinal === null && chance(rng, 0.04);
  const answers = community.screeningQuestions.map((question, q) => {
    if (raidOrdinal !== null) return { question, answer: q === 0 ? raidAnswer(rng) : '' };
    if (spam) return { question, answer: spamText(rng) };
    if (chance(rng, 0.07)) return { question, answer: '' };
    if (chance(rng, 0.04)) return { question, answer: linkText(rng) };
    return { question, answer: normalAnswer(rng, community.language) };
  });
  return {
    id: joinRequestId(index),
    communityId: community.id,
    person: personAt(ctx, personNumber),
    requestedAt,
    answers,
    status: 'pending',
    version: 1,
    handledBy: null,
  };
}
