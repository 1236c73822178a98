import type { JoinRequestItem, ScreeningAnswerItem } from '@shared/connectors';
import { signalBit } from '@shared/domain/join-request';

/** An account younger than this when it asked to join counts as new. */
export const NEW_ACCOUNT_MS = 30 * 86_400_000;

/**
 * A link as spammers write them: with a scheme, starting `www.`, a host followed by a
 * path (`t.me/x`, `bit.ly/x`), or a bare host on a TLD that plain prose rarely ends a word with.
 */
const LINK =
  /\bhttps?:\/\/|\bwww\.[a-z0-9-]|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/\S|\b[a-z0-9-]+\.(?:com|net|org|io|gg|me|ly|co|xyz|info|biz|ru|app|link|click|top)\b/i;

export const hasLink = (text: string): boolean => LINK.test(text);

/** Lower-case, accents and punctuation dropped, spaces collapsed: "Hi pls accept!!" and "hi pls accept." meet. */
export function normalizeAnswer(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The key that groups copy-pasted screening answers; null when nothing was answered. */
export function clusterKeyOf(answers: readonly ScreeningAnswerItem[]): string | null {
  const parts = answers.map((a) => normalizeAnswer(a.answer));
  return parts.some((part) => part !== '') ? parts.join(' | ') : null;
}

const isBlank = (text: string) => text.trim() === '';

export const firstAnswerOf = (answers: readonly ScreeningAnswerItem[]): string => answers.find((a) => !isBlank(a.answer))?.answer ?? '';

export const answersTextOf = (answers: readonly ScreeningAnswerItem[]): string =>
  answers
    .map((a) => a.answer)
    .filter((answer) => !isBlank(answer))
    .join('\n');

/**
 * The signals one item carries on its own. The ones that need other rows (many
 * requests today, cluster, a local decline) are marked set-based after each batch.
 */
export function itemSignals(item: JoinRequestItem): number {
  let bits = 0;
  if (item.answers.some((a) => hasLink(a.answer))) bits |= signalBit('link-in-answer');
  if (item.answers.length > 0 && item.answers.every((a) => isBlank(a.answer))) bits |= signalBit('empty-answers');
  const created = item.person.accountCreatedAt;
  if (created !== null && item.requestedAt - created < NEW_ACCOUNT_MS) bits |= signalBit('new-account');
  if ((item.person.history?.priorDeclines ?? 0) > 0) bits |= signalBit('declined-elsewhere');
  return bits;
}
