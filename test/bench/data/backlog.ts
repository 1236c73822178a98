import type { CommunityItem, JoinRequestItem, PersonItem } from '@shared/connectors';
import { unit } from './hash';
import { FIRST_NAMES, LAST_NAMES, PASTED_ANSWERS, skewedPick, WORDS } from './vocabulary';

/**
 * The synthetic backlog every figure uses: join request `i` is a pure function of `i`,
 * so the product's ingest, the sqlite3 shell and the peers all see the same rows.
 * Requests arrive one a second from T0 (oldest first, as a pull delivers them); one
 * person per ten requests; one in eight answers blank; one in twenty a pasted spam line.
 */
export interface Backlog {
  readonly rows: number;
  readonly communities: number;
  readonly members: number;
  readonly connectionId: string;
  readonly t0: number;
}

const DAY = 86_400_000;
const HOSTILE = ['<img src=x onerror=alert(1)>', 'محمد عبد الله', 'Zero\u200BWidth', '\u202Egnp.exe\u202C Moderator'];

export const QUESTION = 'Why do you want to join?';

export function backlogOf(rows: number): Backlog {
  return { rows, communities: 40, members: Math.max(1, Math.ceil(rows / 10)), connectionId: 'BENCHCONNECTION00000000000', t0: Date.UTC(2026, 0, 1) };
}

export function communityItem(k: number): CommunityItem {
  return {
    externalId: `c${k}`,
    parentExternalId: k >= 5 ? `c${k % 5}` : null,
    name: `${WORDS[k % WORDS.length]} ${k < 5 ? 'network' : 'club'} ${k}`,
    kind: 'group',
    memberCount: 1000 + k * 37,
    language: 'en',
    tags: [],
    url: null,
    rulesUrl: null,
  };
}

export function personItem(b: Backlog, m: number): PersonItem {
  const name =
    m % 997 === 3
      ? `${HOSTILE[m % HOSTILE.length]} ${m}`
      : `${FIRST_NAMES[skewedPick(unit(m, 1), FIRST_NAMES.length)]} ${LAST_NAMES[Math.floor(unit(m, 2) * LAST_NAMES.length)]}`;
  return {
    externalId: `u${m}`,
    displayName: name,
    username: `user${m}`,
    accountCreatedAt: m % 23 === 0 ? null : b.t0 - Math.floor(unit(m, 3) * 3000) * DAY,
    profileUrl: null,
    history: { mutualCommunities: 0, priorDeclines: 0, priorRemovals: 0 },
  };
}

export function answerOf(i: number): string {
  if (i % 8 === 5) return '';
  if (i % 20 === 7) return PASTED_ANSWERS[Math.floor(i / 20) % PASTED_ANSWERS.length] ?? '';
  const count = 3 + Math.floor(unit(i, 10) * 6);
  const words: string[] = [];
  for (let k = 0; k < count; k++) words.push(WORDS[skewedPick(unit(i, 11 + k), WORDS.length)] ?? '');
  return `I like ${words.join(' ')}`;
}

export function joinRequestItem(b: Backlog, i: number): JoinRequestItem {
  return {
    externalId: `r${i}`,
    version: '1',
    communityExternalId: `c${i % b.communities}`,
    person: personItem(b, i % b.members),
    requestedAt: b.t0 + i * 1000,
    answers: [{ question: QUESTION, answer: answerOf(i) }],
    status: 'pending',
    handledBy: null,
  };
}

/** Pages of `size` requests in arrival order, built lazily (a million items never sit in memory at once). */
export function* pagesOf(b: Backlog, size: number): Generator<JoinRequestItem[]> {
  for (let start = 0; start < b.rows; start += size) {
    const page: JoinRequestItem[] = [];
    for (let i = start; i < Math.min(b.rows, start + size); i++) page.push(joinRequestItem(b, i));
    yield page;
  }
}
