import { chance, intBetween, pick, rngFor, STREAM } from '../prng';
import { LANGUAGES } from '../text/languages';
import { personName, raidName } from '../text/names';
import type { SandboxPerson } from './model';

const DAY = 86_400_000;

/**
 * Person numbers are laid out so a person can be rebuilt from their id alone:
 * below REGULARS are regulars who ask to join many groups; above, even numbers
 * are applicants (one per join request index) and odd numbers chat members.
 */
export const REGULARS = 400;
export const applicantNumber = (requestIndex: number): number => REGULARS + 2 * requestIndex;
export const chatMemberNumber = (slot: number): number => REGULARS + 2 * slot + 1;

export interface PeopleContext {
  readonly seed: number;
  readonly epochMs: number;
  readonly hostileNameRate: number;
  /** Whether a join request index belongs to the raid, and its place in it. */
  readonly raidOrdinal: (requestIndex: number) => number | null;
}

export const personId = (n: number): string => `u_${n}`;

export function parsePersonId(id: string): number | null {
  const match = /^u_(\d{1,10})$/.exec(id);
  return match ? Number(match[1]) : null;
}

export function personAt(ctx: PeopleContext, n: number): SandboxPerson {
  const rng = rngFor(ctx.seed, STREAM.people, n);
  const language = pick(rng, LANGUAGES);
  const isApplicant = n >= REGULARS && (n - REGULARS) % 2 === 0;
  const raidOrdinal = isApplicant ? ctx.raidOrdinal((n - REGULARS) / 2) : null;
  if (raidOrdinal !== null) {
    const name = raidName(rng, ctx.seed, raidOrdinal);
    return {
      id: personId(n),
      ...name,
      language,
      createdAt: ctx.epochMs - intBetween(rng, 1, 2 * DAY),
      mutualCommunities: 0,
      priorDeclines: chance(rng, 0.3) ? 1 : 0,
      priorRemovals: 0,
    };
  }
  const isRegular = n < REGULARS;
  const ageMs = chance(rng, 0.12) ? intBetween(rng, 1, 7 * DAY) : intBetween(rng, 30 * DAY, 3650 * DAY);
  return {
    id: personId(n),
    ...personName(rng, language, ctx.hostileNameRate),
    language,
    createdAt: ctx.epochMs - ageMs,
    mutualCommunities: isRegular ? intBetween(rng, 2, 8) : intBetween(rng, 0, 3),
    priorDeclines: chance(rng, 0.05) ? intBetween(rng, 1, 4) : 0,
    priorRemovals: chance(rng, 0.03) ? intBetween(rng, 1, 3) : 0,
  };
}
